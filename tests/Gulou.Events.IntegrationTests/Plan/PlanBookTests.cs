using System.Net;
using System.Text;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.IntegrationTests.Infrastructure;
using static Gulou.Events.IntegrationTests.Plan.PlanFixture;

namespace Gulou.Events.IntegrationTests.Plan;

/// <summary>
/// The district's plans kept in memory between requests follow every publication: one through this node's API at once,
/// and one on another node (a second host on the same databases, its daemon off) as soon as this node hears its
/// announcement, within a second of its commit (awaited by polling: a busy machine cannot time it).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlanBookTests(AppFixture app)
{
    [Fact]
    public async Task A_publication_on_another_node_is_heard_here()
    {
        await using var other = await AppFixture.StartHostAsync(app.ConnectionString, AppFixture.Schema,
            new Dictionary<string, string>(app.PoolSettings) { ["Gulou:Daemon"] = "Disabled" });
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        // The plans are read (and kept): 2026 has no plan yet.
        var refused = await partner.PostAsync("/api/v1/activities", AiLecture("AI-1", new DateOnly(2026, 2, 10)));
        Assert.Equal(ErrorCodes.NoPlanForDate, refused.Problem(HttpStatusCode.UnprocessableEntity).Code);
        Assert.Equal([Shipped], (await district.Admin.GetAsync("/api/v1/plans")).ShouldBe(HttpStatusCode.OK).As<List<PlanDto>>().Select(p => p.Id));

        // Another node publishes the next plan; this node hears of it and reads its plans again.
        var onOther = new ApiClient(other, district.Admin.Key);
        (await onOther.SendAsync(HttpMethod.Put, $"/api/v1/admin/plans/{Next}", Encoding.UTF8.GetBytes(FixtureText), null)).ShouldBe(HttpStatusCode.OK);
        var taken = await Poll.UntilAsync(() => partner.PostAsync("/api/v1/activities", AiLecture("AI-1", new DateOnly(2026, 2, 10))), r => r.Status != HttpStatusCode.UnprocessableEntity);
        taken.ShouldBe(HttpStatusCode.Created);
        Assert.Equal([Shipped, Next], (await district.Admin.GetAsync("/api/v1/plans")).As<List<PlanDto>>().Select(p => p.Id));

        // A second version through this node's API is in force at once: its new target value is answered.
        (await PublishAsync(district.Admin, Next, Edit(FixtureText, c => c["targets"]![0]!["value"] = 1500))).ShouldBe(HttpStatusCode.OK);
        var plan = (await partner.GetAsync($"/api/v1/plan?plan={Next}")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();
        Assert.Equal(1500, plan.Targets[0].Value);
        var progress = (await district.Admin.GetAsync($"/api/v1/progress?plan={Next}&year=2026&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<Contracts.Progress.ProgressOverview>();
        Assert.Equal(1500, progress.Targets.Single(t => t.Code == "FX-T-AI").TargetValue);
    }
}
