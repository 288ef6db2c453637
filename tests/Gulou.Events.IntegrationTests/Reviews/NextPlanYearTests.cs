using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Progress;
using static Gulou.Events.IntegrationTests.Plan.PlanFixture;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// A year of the next plan goes through its whole review under that plan: 2026, with the 2026–2030 test fixture
/// published over REST, is signed off by the fixture's units (its coordinating unit decides), its completeness and
/// statistics use the fixture's units, deadline and columns, it is closed, sealed with the fixture's hash, verified,
/// locked against a late report and an attendance change, opened to one institution by an exception, and reopened.
/// Every figure is computed here from what the test posted and from the catalog it published; 2025 keeps the
/// shipped plan's units.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NextPlanYearTests(AppFixture app)
{
    private static readonly PlanCatalog Fixture = JsonSerializer.Deserialize<PlanCatalog>(FixtureText, ApiClient.Json)!;

    [Fact]
    public async Task A_2026_year_is_signed_off_counted_closed_sealed_locked_and_reopened_under_the_2026_2030_plan()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var silent = await district.PartnerAsync("福建省科技馆");
        var cast = await district.UnitAsync("CAST");
        var edu = await district.UnitAsync("EDU");
        var health = await district.UnitAsync("HEALTH");
        var auditor = await district.AuditorAsync();

        // Before the next plan is published, 2026 is no year of any plan of the district.
        Assert.Equal(["year"], (await auditor.GetAsync("/api/v1/reviews/2026/signoff")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        (await PublishAsync(district.Admin, Next, FixtureText)).ShouldBe(HttpStatusCode.OK);

        var ledger = new Ledger();
        ledger.Track(await fzu.ReportAsync(AiLecture("AI-1", new DateOnly(2026, 2, 10), youth: 70)));
        ledger.Track(await school.ReportAsync(AiLecture("AI-2", new DateOnly(2026, 4, 11), youth: 30)));
        var retracted = await fzu.ReportAsync(AiLecture("AI-3", new DateOnly(2026, 5, 2), youth: 15));
        ledger.Track(await school.ReportAsync(Reports.Competition("C-2026-1", 120, new DateOnly(2026, 5, 1))));
        var changing = await school.ReportAsync(Reports.Competition("C-2026-2", 45, new DateOnly(2026, 6, 1)));
        ledger.Track(changing);
        ledger.Track(await fzu.ReportAsync(Reports.Competition("C-2025", 400, new DateOnly(2025, 3, 1))));
        ledger.Track((await fzu.PostAsync($"/api/v1/activities/{retracted.Id}/retraction", new RetractActivity(retracted.Version, "未举办"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>());

        // The units that sign 2026 off are the fixture's: the lead and participating units of its measures.
        var named = Fixture.Measures.SelectMany(m => m.LeadUnits.Concat(m.ParticipatingUnits)).ToHashSet();
        var fixtureUnits = Fixture.Units.Select(u => u.Code).Where(named.Contains).ToList();
        var board = (await auditor.GetAsync("/api/v1/reviews/2026/signoff")).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>();
        Assert.Equal(fixtureUnits, board.Units.Select(u => u.UnitCode));
        Assert.Equal(Fixture.CoordinatingUnit, board.CoordinatingUnit);
        Same.Json(board, (await auditor.GetAsync($"/api/v1/reviews/2026/signoff?plan={Next}")).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>());
        var shippedBoard = (await auditor.GetAsync("/api/v1/reviews/2025/signoff")).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>();
        var shipped = (await auditor.GetAsync($"/api/v1/plan?plan={Shipped}")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();
        var shippedNamed = shipped.Measures.SelectMany(m => m.LeadUnits.Concat(m.ParticipatingUnits)).ToHashSet();
        Assert.Equal(shipped.Units.Select(u => u.Code).Where(shippedNamed.Contains), shippedBoard.Units.Select(u => u.UnitCode));
        Assert.Contains("HEALTH", shippedBoard.Units.Select(u => u.UnitCode));

        // The year and the plan agree, or the answer says which is wrong; nothing is recorded.
        var before = await district.EventCountAsync();
        Assert.Equal(["year"], (await auditor.GetAsync($"/api/v1/reviews/2026/signoff?plan={Shipped}")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(["year"], (await edu.PostAsync($"/api/v1/reviews/2025/units/EDU/submission?plan={Next}", new SignOffUnitYear())).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(ErrorCodes.NotFound, (await auditor.GetAsync("/api/v1/reviews/2026/statistics?plan=gulou-1990")).Problem(HttpStatusCode.NotFound).Code);
        Assert.Equal(["year"], (await auditor.GetAsync("/api/v1/reviews/2031/completeness")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        // A unit of the shipped plan only has no part in 2026.
        (await health.PostAsync("/api/v1/reviews/2026/units/HEALTH/submission", new SignOffUnitYear())).Problem(HttpStatusCode.NotFound);
        Assert.Equal(before, await district.EventCountAsync());

        // Completeness by the fixture's units and deadline, from what was posted.
        var activities = ledger.Activities.Where(a => a.Year == 2026).ToList();
        var counted = ledger.Official.Where(a => a.Year == 2026).ToList();
        List<string> UnitsOf(Posted a) => Fixture.Units.Select(u => u.Code)
            .Where(u => a.Measures.Any(m => Fixture.Measures.Single(x => x.Code == m) is var measure && (measure.LeadUnits.Contains(u) || measure.ParticipatingUnits.Contains(u)))).ToList();
        var completeness = (await auditor.GetAsync("/api/v1/reviews/2026/completeness")).ShouldBe(HttpStatusCode.OK).As<YearCompletenessDto>();
        Assert.Equal(new DateOnly(2027, Fixture.ReportingDeadline!.Month, Fixture.ReportingDeadline.Day), completeness.DeadlineDay);
        Assert.Equal(Fixture.Units.Select(u => u.Code).Where(u => Fixture.Measures.Any(m => m.LeadUnits.Contains(u) || m.ParticipatingUnits.Contains(u))),
            completeness.Units.Select(u => u.UnitCode));
        foreach (var unit in completeness.Units)
        {
            var mine = counted.Where(a => UnitsOf(a).Contains(unit.UnitCode)).ToList();
            Assert.Equal((mine.Count, 0, mine.Select(a => a.Institution).Distinct().Count()), (unit.Activities, unit.Late, unit.Institutions));
        }

        foreach (var institution in completeness.Institutions)
        {
            Assert.Equal(counted.Count(a => a.Institution == institution.InstitutionId), institution.Activities);
            Assert.Equal(activities.Count(a => a.Institution == institution.InstitutionId) - institution.Activities, institution.NotCounted);
        }

        Assert.Equal([fzu.InstitutionId, school.InstitutionId], completeness.Institutions.Select(i => i.InstitutionId).Order());
        Assert.Equal([silent.InstitutionId], completeness.Silent.Select(s => s.InstitutionId));

        // Statistics in the fixture's columns.
        var statistics = (await auditor.GetAsync("/api/v1/reviews/2026/statistics")).ShouldBe(HttpStatusCode.OK).As<YearStatisticsDto>();
        var columns = Fixture.StatisticsColumns!;
        string ColumnOf(string kind) => (columns.FirstOrDefault(c => c.Kinds.Contains(kind)) ?? columns.Single(c => c.Others)).Code;
        Assert.Equal(columns.Select(c => c.Code), statistics.Columns.Select(c => c.Code));
        void Check(StatisticsRowDto row, IReadOnlyList<Posted> mine)
        {
            Assert.Equal((mine.Count, mine.Sum(a => a.Attendance.Total)), (row.Activities, row.PersonTimes));
            foreach (var cell in row.Cells)
            {
                var inColumn = mine.Where(a => ColumnOf(a.Kind) == cell.Column).ToList();
                Assert.Equal((inColumn.Count, inColumn.Sum(a => a.Attendance.Total)), (cell.Count, cell.PersonTimes));
            }
        }

        Check(statistics.Total, counted);
        Assert.Equal(completeness.Units.Select(u => u.UnitCode), statistics.Units.Select(u => u.UnitCode));
        foreach (var row in statistics.Units)
        {
            Check(row, counted.Where(a => UnitsOf(a).Contains(row.UnitCode!)).ToList());
        }

        Assert.Equal((4, 90 + 50 + 120 + 45), (statistics.Total.Activities, statistics.Total.PersonTimes));

        // The sign-off: only the fixture's coordinating unit decides; the year closes once both parts are accepted.
        foreach (var code in fixtureUnits)
        {
            var unit = code == "CAST" ? cast : edu;
            (await unit.PostAsync($"/api/v1/reviews/2026/units/{code}/submission", new SignOffUnitYear($"{code} 2026"))).ShouldBe(HttpStatusCode.OK);
        }

        (await edu.PostAsync("/api/v1/reviews/2026/units/CAST/acceptance", new SignOffUnitYear())).Problem(HttpStatusCode.Forbidden);
        (await cast.PostAsync("/api/v1/reviews/2026/units/EDU/return", new ReturnUnitYear("缺少佐证"))).ShouldBe(HttpStatusCode.OK);
        var refused = await cast.PostAsync("/api/v1/reviews/2026/close", new CloseYear(DateTimeOffset.UtcNow));
        Assert.Equal(ErrorCodes.InvalidState, refused.Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(fixtureUnits, refused.Json().GetProperty("missingUnits").EnumerateArray().Select(u => u.GetString()));
        (await edu.PostAsync("/api/v1/reviews/2026/units/EDU/submission", new SignOffUnitYear("已补充"))).ShouldBe(HttpStatusCode.OK);
        foreach (var code in fixtureUnits)
        {
            (await cast.PostAsync($"/api/v1/reviews/2026/units/{code}/acceptance", new SignOffUnitYear())).ShouldBe(HttpStatusCode.OK);
        }

        (await health.PostAsync("/api/v1/reviews/2026/close", new CloseYear(DateTimeOffset.UtcNow))).Problem(HttpStatusCode.Forbidden);
        var asOf = DateTimeOffset.UtcNow;
        var closed = (await cast.PostAsync("/api/v1/reviews/2026/close", new CloseYear(asOf))).ShouldBe(HttpStatusCode.Created).As<ClosedYearDto>();
        Assert.Empty(closed.MissingUnits!);
        var youth = counted.Where(a => a.Kind == "competition").Sum(a => a.Attendance.Youth);
        Assert.Equal(youth, closed.Figures.Targets.Single(t => t.Code == "FX-T-COMPETITION").Actual);
        Assert.Equal(Fixture.Targets.Select(t => t.Code), closed.Figures.Targets.Select(t => t.Code));

        // The seal names the catalog as published, and verifies.
        var seal = (await auditor.GetAsync("/api/v1/reviews/2026/seal")).ShouldBe(HttpStatusCode.OK).As<YearSealDto>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FixtureText))), seal.PlanSha256);
        Assert.True(seal.Standing);
        Same.Json(closed.Figures, seal.Figures);
        var verified = (await auditor.PostAsync("/api/v1/reviews/2026/seal/verification")).ShouldBe(HttpStatusCode.OK).As<SealVerificationDto>();
        Assert.Equal(("intact", true, true), (verified.Result, verified.FiguresReproduced, verified.PlanUnchanged));
        Assert.Contains(2026, (await auditor.GetAsync("/api/v1/reviews")).As<List<ClosedYearDto>>().Select(y => y.Year));

        // Locked: a late report and an attendance change of 2026 are refused; 2025 stays open.
        before = await district.EventCountAsync();
        var late = await fzu.PostAsync("/api/v1/activities", AiLecture("AI-late", new DateOnly(2026, 7, 1)));
        Assert.Equal(ErrorCodes.YearLocked, late.Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal([2026], late.Json().GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        var attendance = await school.PostAsync($"/api/v1/activities/{changing.Id}/attendance", new RecordAttendance(changing.Version, Youth: 5));
        Assert.Equal(ErrorCodes.YearLocked, attendance.Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(before, await district.EventCountAsync());
        (await fzu.PostAsync("/api/v1/activities", Reports.Competition("C-2025-2", 30, new DateOnly(2025, 4, 1)))).ShouldBe(HttpStatusCode.Created);

        // An exception from the fixture's coordinating unit lets the school change 2026; the seal still holds what was closed.
        (await edu.PostAsync("/api/v1/reviews/2026/exceptions", new YearExceptionGrant(school.InstitutionId, "补录人次", DateTimeOffset.UtcNow.AddDays(7)))).Problem(HttpStatusCode.Forbidden);
        await ReviewSteps.GrantAsync(cast, 2026, school.InstitutionId, DateTimeOffset.UtcNow);
        (await school.PostAsync($"/api/v1/activities/{changing.Id}/attendance", new RecordAttendance(changing.Version, Youth: 5))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ErrorCodes.YearLocked, (await fzu.PostAsync("/api/v1/activities", AiLecture("AI-late", new DateOnly(2026, 7, 1)))).Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal("intact", (await auditor.PostAsync("/api/v1/reviews/2026/seal/verification")).As<SealVerificationDto>().Result);

        // Reopened by the coordinating unit: 2026 takes reports again, and the seal no longer stands.
        var reopened = (await cast.PostAsync("/api/v1/reviews/2026/reopening", new ReopenYear("补报遗漏活动"))).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>();
        Assert.Equal(("open", "CAST"), (reopened.State, reopened.CoordinatingUnit));
        Assert.Equal(fixtureUnits, reopened.Units.Select(u => u.UnitCode));
        (await fzu.PostAsync("/api/v1/activities", AiLecture("AI-late", new DateOnly(2026, 7, 1)))).ShouldBe(HttpStatusCode.Created);
        Assert.False((await auditor.GetAsync("/api/v1/reviews/2026/seal")).As<YearSealDto>().Standing);
    }
}
