using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// Who reported 2023 and when, against what the test posted: counted activities per unit and per institution, those
/// reported after the deadline (31 January 2024, UTC+8), the last report, and the partners that reported nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CompletenessTests(AppFixture app)
{
    private static readonly DateTimeOffset Deadline2023 = new(2024, 2, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Completeness_counts_each_units_and_institutions_reports_and_lists_the_silent_institutions()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var fjnu = await district.PartnerAsync("福建师范大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var silent = await district.PartnerAsync("鼓楼区科技馆");
        var edu = await district.UnitAsync("EDU");
        var auditor = await district.AuditorAsync();

        var counted = new List<ActivityDto>
        {
            await fzu.ReportAsync(Reports.Competition("F-1", 300, new DateOnly(2023, 3, 1))),
            await fzu.ReportAsync(new ReportActivity("F-2", "health_talk", "老年人健康讲座", new DateOnly(2023, 9, 9), Attendance: new AudienceCounts(Elderly: 80))),
            await fjnu.ReportAsync(Reports.LabOpenDay("J-1")),
        };
        var rejected = await fjnu.ReportAsync(Reports.Competition("J-2", 50, new DateOnly(2023, 5, 5)));
        (await edu.PostAsync($"/api/v1/activities/{rejected.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无签到表"))).ShouldBe(HttpStatusCode.OK);
        await school.ReportAsync(Reports.Competition("S-1", 70, new DateOnly(2024, 5, 5)));

        var completeness = (await auditor.GetAsync("/api/v1/reviews/2023/completeness")).ShouldBe(HttpStatusCode.OK).As<YearCompletenessDto>();

        Assert.Equal((new DateOnly(2024, 1, 31), Deadline2023), (completeness.DeadlineDay, completeness.Deadline));
        int Late(IEnumerable<ActivityDto> activities) => activities.Count(a => a.ReportedAt >= Deadline2023);
        var institutions = completeness.Institutions.ToDictionary(i => i.InstitutionId);
        Assert.Equal(new[] { fzu.InstitutionId, fjnu.InstitutionId }.Order(), institutions.Keys.Order());
        foreach (var (actor, name) in new[] { (fzu, "福州大学"), (fjnu, "福建师范大学") })
        {
            var mine = counted.Where(a => a.InstitutionId == actor.InstitutionId).ToList();
            var row = institutions[actor.InstitutionId];
            Assert.Equal((name, mine.Count, Late(mine), mine.Max(a => a.ReportedAt)), (row.Name, row.Activities, row.Late, row.LastReportedAt));
        }

        Assert.Equal(1, institutions[fjnu.InstitutionId].NotCounted);
        Assert.Equal(new[] { school.InstitutionId, silent.InstitutionId }.Order(), completeness.Silent.Select(s => s.InstitutionId).Order());

        // Per unit: the activities under the measures it leads or takes part in, by the plan's own table of responsible units.
        var plan = (await auditor.GetAsync("/api/v1/plan")).As<PlanCatalog>();
        var leads = plan.Measures.ToDictionary(m => m.Code, m => m.LeadUnits.Concat(m.ParticipatingUnits).ToList());
        foreach (var unit in completeness.Units)
        {
            var mine = counted.Where(a => a.MeasureCodes.Any(m => leads[m].Contains(unit.UnitCode))).ToList();
            Assert.Equal((mine.Count, Late(mine), mine.Select(a => a.InstitutionId).Distinct().Count(), mine.Count == 0 ? (DateTimeOffset?)null : mine.Max(a => a.ReportedAt)),
                (unit.Activities, unit.Late, unit.Institutions, unit.LastReportedAt));
        }

        Assert.Equal(plan.Units.Where(u => plan.Measures.Any(m => m.LeadUnits.Contains(u.Code) || m.ParticipatingUnits.Contains(u.Code))).Select(u => u.Code), completeness.Units.Select(u => u.UnitCode));
        // 区科协 leads ACT-02 and ACT-03 and takes part in ACT-10 (the health talk); 区教育局 leads only the first two.
        Assert.Equal((3, 2), (completeness.Units.Single(u => u.UnitCode == "CAST").Activities, completeness.Units.Single(u => u.UnitCode == "EDU").Activities));
        Assert.Equal(1, completeness.Units.Single(u => u.UnitCode == "HEALTH").Activities);

        var csv = await auditor.GetAsync("/api/v1/reviews/2023/completeness", new Dictionary<string, string> { ["Accept"] = "text/csv" });
        csv.ShouldBe(HttpStatusCode.OK);
        Assert.StartsWith("text/csv", csv.Headers.ContentType.ToString(), StringComparison.Ordinal);
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFFsection,code,name,activities,notCounted,late,institutions,lastReportedAt,registeredAt", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"silent,{silent.InstitutionId},鼓楼区科技馆,0,0,0,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"institution,{fzu.InstitutionId},福州大学,2,0,{Late(counted.Take(2))},", StringComparison.Ordinal));
        Assert.Equal(completeness.Units.Count + completeness.Institutions.Count + completeness.Silent.Count + 1, lines.Length);
    }
}
