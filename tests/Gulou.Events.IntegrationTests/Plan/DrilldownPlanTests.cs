using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Progress;
using static Gulou.Events.IntegrationTests.Plan.PlanFixture;

namespace Gulou.Events.IntegrationTests.Plan;

/// <summary>
/// A district under two plans that share unit codes (CAST, EDU): every drill-down link of a plan's progress and review
/// answers names that plan, and following it lists exactly the activities the figure counts, computed here from what
/// was posted and each plan's catalog. Without the plan in the link, a 2021–2025 unit's figure over the period would
/// drill into the plan in force today.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DrilldownPlanTests(AppFixture app)
{
    [Fact]
    public async Task Every_drilldown_names_its_plan_and_lists_exactly_what_the_figure_counts()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var auditor = await district.AuditorAsync();
        var ledger = new Ledger();

        ledger.Track(await fzu.ReportAsync(Reports.Competition("C-2024", 300, new DateOnly(2024, 5, 1))));
        ledger.Track(await school.ReportAsync(Reports.Competition("C-2025", 200, new DateOnly(2025, 9, 1))));
        (await PublishAsync(district.Admin, Next, FixtureText)).ShouldBe(HttpStatusCode.OK);
        ledger.Track(await fzu.ReportAsync(AiLecture("AI-1", new DateOnly(2026, 2, 10), youth: 70)));
        ledger.Track(await school.ReportAsync(Reports.Competition("C-2026", 120, new DateOnly(2026, 5, 1))));
        var retracted = await school.ReportAsync(AiLecture("AI-2", new DateOnly(2026, 3, 1)));
        ledger.Track((await school.PostAsync($"/api/v1/activities/{retracted.Id}/retraction", new RetractActivity(retracted.Version, "未举办"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>());

        foreach (var (planId, year) in new (string, int?)[] { (Shipped, null), (Shipped, 2025), (Next, null), (Next, 2026) })
        {
            var catalog = (await auditor.GetAsync($"/api/v1/plan?plan={planId}")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();
            var years = year is { } y ? [y] : Enumerable.Range(catalog.Period.From, catalog.Period.To - catalog.Period.From + 1).ToArray();
            var counted = ledger.Official.Where(a => years.Contains(a.Year)).ToList();
            bool Takes(Posted a, string unit) => a.Measures.Any(m => catalog.Measures.Single(x => x.Code == m) is var measure && (measure.LeadUnits.Contains(unit) || measure.ParticipatingUnits.Contains(unit)));
            var query = $"plan={planId}{(year is null ? "" : $"&year={year}")}&waitForNonStale=true";

            var units = (await auditor.GetAsync($"/api/v1/progress/units?{query}")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();
            foreach (var unit in units.Units)
            {
                Assert.Equal(Ids(counted.Where(a => Takes(a, unit.UnitCode))), await DrillAsync(auditor, unit.Drilldown, planId));
                foreach (var measure in unit.Measures)
                {
                    Assert.Equal(Ids(counted.Where(a => a.Measures.Contains(measure.Measure))), await DrillAsync(auditor, measure.Drilldown, planId));
                }
            }

            foreach (var institution in units.Institutions)
            {
                Assert.Equal(Ids(counted.Where(a => a.Institution == institution.InstitutionId)), await DrillAsync(auditor, institution.Drilldown, planId));
            }

            Assert.Equal(counted.Count, units.Institutions.Sum(i => i.Official.Activities));

            var progress = (await auditor.GetAsync($"/api/v1/progress?{query}")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
            var competition = progress.Targets.Single(t => t.Code == (planId == Shipped ? "T-COMPETITION" : "FX-T-COMPETITION"));
            Assert.Equal(Ids(counted.Where(a => a.Kind == "competition")), await DrillAsync(auditor, competition.Drilldown, planId));
            foreach (var point in competition.Series)
            {
                Assert.Equal(Ids(ledger.Official.Where(a => a.Kind == "competition" && a.Year == point.Year)), await DrillAsync(auditor, point.Drilldown!, planId));
            }

            if (year is { } reviewed)
            {
                var review = (await auditor.GetAsync($"/api/v1/reviews/{reviewed}")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();
                foreach (var measure in review.Current.Measures)
                {
                    Assert.Equal(Ids(counted.Where(a => a.Measures.Contains(measure.Code))), await DrillAsync(auditor, measure.Drilldown, planId));
                }
            }
        }
    }

    private static List<Guid> Ids(IEnumerable<Posted> activities) => activities.Select(a => a.Id).Order().ToList();

    /// <summary>Follows a drill-down link, which must name the plan of the answer it came from.</summary>
    private static async Task<List<Guid>> DrillAsync(Actor reader, string link, string planId)
    {
        Assert.Contains($"plan={planId}", link, StringComparison.Ordinal);
        var page = (await reader.GetAsync($"{link}&pageSize=100")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>();
        return page.Items.Select(a => a.Id).Order().ToList();
    }
}
