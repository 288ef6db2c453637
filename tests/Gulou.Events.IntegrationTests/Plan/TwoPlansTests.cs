using System.Net;
using System.Text.Json.Nodes;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Progress;
using static Gulou.Events.IntegrationTests.Plan.PlanFixture;

namespace Gulou.Events.IntegrationTests.Plan;

/// <summary>
/// One district under two plans on one running service: 2025 activities under the shipped 2021–2025 plan, 2026
/// activities under the 2026–2030 test fixture published over REST, then a second version of that fixture. Each plan's
/// progress and review are computed here from what the test posted, and neither moves the other.
/// </summary>
// It ends with a rebuild and a verification, which run over every district.
[Collection(AloneCollection.Name)]
public sealed class TwoPlansTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Each_plan_counts_its_own_period_by_the_catalog_in_force_and_a_rebuild_and_a_verification_agree()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var auditor = await district.AuditorAsync();
        var ledger = new Ledger();

        ledger.Track(await fzu.ReportAsync(Reports.Competition("C-2025-1", 400, new DateOnly(2025, 3, 1))));
        ledger.Track(await school.ReportAsync(Reports.Competition("C-2025-2", 250, new DateOnly(2025, 9, 1))));
        var moving = ledger.Track(await school.ReportAsync(Reports.Competition("C-2025-3", 90, new DateOnly(2025, 12, 20))));
        var shippedBefore = await ProgressAsync(auditor, $"plan={Shipped}&year=2025");
        Assert.Equal(Expected(ledger, 2025, "competition"), Actual(shippedBefore, "T-COMPETITION"));

        (await PublishAsync(district.Admin, Next, FixtureText)).ShouldBe(HttpStatusCode.OK);
        ledger.Track(await fzu.ReportAsync(AiLecture("AI-1", new DateOnly(2026, 2, 10), youth: 70)));
        ledger.Track(await school.ReportAsync(AiLecture("AI-2", new DateOnly(2026, 4, 11), youth: 30)));
        ledger.Track(await school.ReportAsync(Reports.Competition("C-2026-1", 120, new DateOnly(2026, 5, 1))));

        // Moved into 2026, a 2021–2025 measure is no measure of the next plan; with one of its own it moves to its figures.
        var refused = (await school.PostAsync($"/api/v1/activities/{moving.Id}/corrections", new CorrectActivity(1, OccurredOn: new DateOnly(2026, 1, 5))))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["measureCodes"], refused.Errors.Keys);
        var moved = (await school.PostAsync($"/api/v1/activities/{moving.Id}/corrections", new CorrectActivity(1, OccurredOn: new DateOnly(2026, 1, 5), MeasureCodes: ["FX-02"])))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        ledger.Track(moved);

        await Task.Delay(50);
        var beforeSecondVersion = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        // The second version: a higher value for AI lectures, and competitions counting the youth at AI lectures too.
        (await PublishAsync(district.Admin, Next, Edit(FixtureText, catalog =>
        {
            catalog["targets"]![0]!["value"] = 1200;
            catalog["targets"]![1]!["counting"]!["activityKinds"] = new JsonArray("competition", "ai_lecture");
        }))).ShouldBe(HttpStatusCode.OK);

        // Each plan's progress, from what was posted.
        var shipped = await ProgressAsync(auditor, $"plan={Shipped}&year=2025");
        var next = await ProgressAsync(auditor, $"plan={Next}&year=2026");
        var byDefault = await ProgressAsync(auditor, "year=2026"); // today is in 2026
        Assert.Equal(Expected(ledger, 2025, "competition"), Actual(shipped, "T-COMPETITION"));
        Assert.Equal(Actual(shippedBefore, "T-COMPETITION") - 90, Actual(shipped, "T-COMPETITION"));
        Assert.Equal(["FX-T-AI", "FX-T-COMPETITION"], next.Targets.Select(t => t.Code));
        Assert.Equal(ledger.Official.Count(a => a.Year == 2026 && a.Kind == "ai_lecture"), Actual(next, "FX-T-AI"));
        Assert.Equal(1200, next.Targets.Single(t => t.Code == "FX-T-AI").TargetValue);
        Assert.Equal(Expected(ledger, 2026, "competition", "ai_lecture"), Actual(next, "FX-T-COMPETITION"));
        Same.Json(next.Targets, byDefault.Targets);
        Assert.DoesNotContain(shipped.Targets, t => t.Code.StartsWith("FX-", StringComparison.Ordinal));
        var units = (await auditor.GetAsync($"/api/v1/progress/units?plan={Next}&year=2026")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();
        // The education bureau leads FX-02 and takes part in FX-01: every 2026 activity, once.
        Assert.Equal(ledger.Official.Count(a => a.Year == 2026), units.Units.Single(u => u.UnitCode == "EDU").Official.Activities);
        var measure = (await auditor.GetAsync($"/api/v1/progress/measures/FX-02?plan={Next}&year=2026")).ShouldBe(HttpStatusCode.OK).As<MeasureProgressDto>();
        Assert.Equal(ledger.Official.Count(a => a.Year == 2026 && a.Measures.Contains("FX-02")), measure.Official.Activities);

        // The drill-down behind a figure lists exactly the activities it counts, by the rule of the plan that has the target.
        var drilled = (await auditor.GetAsync("/api/v1/activities?target=FX-T-COMPETITION&year=2026&pageSize=50")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>();
        Assert.Equal(ledger.Official.Where(a => a.Year == 2026 && a.Kind is "competition" or "ai_lecture").Select(a => a.Id).Order(), drilled.Items.Select(a => a.Id).Order());

        // The year and the plan are checked against each other.
        Assert.Equal(["year"], (await auditor.GetAsync($"/api/v1/progress?plan={Shipped}&year=2026")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(["year"], (await auditor.GetAsync($"/api/v1/reviews/2025?plan={Next}")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal("not_found", (await auditor.GetAsync("/api/v1/progress?plan=gulou-1990")).Problem(HttpStatusCode.NotFound).Code);

        // Reviews: 2025 by the shipped plan; 2026 as known before the second version, by the first, beside now, by the second.
        var review2025 = (await auditor.GetAsync("/api/v1/reviews/2025")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();
        Assert.Equal(Shipped, review2025.Plan);
        Assert.Equal(Expected(ledger, 2025, "competition"), review2025.Current.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
        var review = (await auditor.GetAsync($"/api/v1/reviews/2026?asOf={Uri.EscapeDataString(beforeSecondVersion.ToString("O"))}")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();
        Assert.Equal(Next, review.Plan);
        Assert.Equal(Expected(ledger, 2026, "competition"), review.AsKnown.Targets.Single(t => t.Code == "FX-T-COMPETITION").Actual);
        Assert.Equal(1000, review.AsKnown.Targets.Single(t => t.Code == "FX-T-AI").TargetValue);
        Assert.Equal(Expected(ledger, 2026, "competition", "ai_lecture"), review.Current.Targets.Single(t => t.Code == "FX-T-COMPETITION").Actual);
        Assert.Equal(1200, review.Current.Targets.Single(t => t.Code == "FX-T-AI").TargetValue);
        var catalog = Assert.Single(review.Differences);
        Assert.Equal("catalog", catalog.Record);
        Assert.Equal(["target_value:FX-T-AI", "counting:FX-T-COMPETITION"], catalog.Changes);

        // A rebuild makes the same figures, and a replay of the log agrees with the live documents.
        var rebuilt = await Projections.WaitAsync(district.Admin, (await district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=Progress"))
            .ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>().Id);
        Assert.Equal("succeeded", rebuilt.State);
        var verified = await Projections.VerifyAsync(district.Admin);
        Assert.True(verified.State == "succeeded" && (verified.Differences ?? []).Count == 0, string.Join("\n", verified.Differences ?? []));
        Same.Json(shipped.Targets, (await ProgressAsync(auditor, $"plan={Shipped}&year=2025")).Targets);
        Same.Json(next.Targets, (await ProgressAsync(auditor, $"plan={Next}&year=2026")).Targets);
    }

    /// <summary>Youth at the official activities of these kinds in a year: a competition target's figure.</summary>
    private static decimal Expected(Ledger ledger, int year, params string[] kinds) =>
        ledger.Official.Where(a => a.Year == year && kinds.Contains(a.Kind)).Sum(a => a.Attendance.Youth);

    private static decimal Actual(ProgressOverview progress, string code) => progress.Targets.Single(t => t.Code == code).Actual;

    private static async Task<ProgressOverview> ProgressAsync(Actor reader, string query) =>
        (await reader.GetAsync($"/api/v1/progress?{query}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
}
