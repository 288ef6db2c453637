using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;
using static Gulou.Events.IntegrationTests.Plan.PlanFixture;

namespace Gulou.Events.IntegrationTests.Plan;

/// <summary>Who decides on an activity, and whose queue it waits in, follow the plan its date belongs to.</summary>
[Collection(AppCollection.Name)]
public sealed class DecisionsUnderPlansTests(AppFixture app)
{
    [Fact]
    public async Task A_unit_that_leads_a_measure_of_the_next_plan_sees_its_activities_and_decides_on_them()
    {
        var district = await app.NewDistrictAsync();
        var school = await district.PartnerAsync("福州第十六中学");
        var education = await district.UnitAsync("EDU");
        var health = await district.UnitAsync("HEALTH");
        (await PublishAsync(district.Admin, Next, FixtureText)).ShouldBe(HttpStatusCode.OK);

        // FX-02 of the next plan is led by EDU; no measure of that plan is HEALTH's.
        var next = await school.ReportAsync(AiLecture("AI-Q-1", new DateOnly(2026, 3, 2)) with { MeasureCodes = ["FX-02"] });

        var educationQueue = (await education.GetAsync("/api/v1/verifications")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>();
        var healthQueue = (await health.GetAsync("/api/v1/verifications")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>();
        Assert.Contains(educationQueue.Items, a => a.Id == next.Id);
        Assert.DoesNotContain(healthQueue.Items, a => a.Id == next.Id);

        (await health.PostAsync($"/api/v1/activities/{next.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        var verified = (await education.PostAsync($"/api/v1/activities/{next.Id}/verification", new VerifyActivity(VerificationDecision.Verified)))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.Equal(ActivityStatus.Verified, verified.Status);

    }
}
