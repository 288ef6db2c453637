using System.Globalization;
using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// The statistics table of 2024 against an independent computation from what the test posted: the catalog's columns
/// and their activity kinds, the plan's lead units of each measure, counts and person-times of what counts.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsTests(AppFixture app)
{
    [Fact]
    public async Task The_statistics_table_equals_a_computation_from_what_was_posted()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var museum = await district.PartnerAsync("福建省科技馆");
        var edu = await district.UnitAsync("EDU");
        var auditor = await district.AuditorAsync();

        var posted = new List<ActivityDto>();
        async Task Report(Actor partner, string reference, string kind, string day, AudienceCounts attendance) =>
            posted.Add(await partner.ReportAsync(new ReportActivity(reference, kind, $"{kind} {reference}", DateOnly.Parse(day, CultureInfo.InvariantCulture), Attendance: attendance)));

        await Report(fzu, "1", "campus_lecture", "2024-03-01", new AudienceCounts(Youth: 200));
        await Report(fzu, "2", "competition", "2024-04-01", new AudienceCounts(Youth: 1500, Public: 20));
        await Report(museum, "3", "competition", "2024-05-01", new AudienceCounts(Youth: 700));
        await Report(museum, "4", "exhibition", "2024-06-01", new AudienceCounts(Public: 3000, Elderly: 400));
        await Report(fzu, "5", "lab_open_day", "2024-07-01", new AudienceCounts(Youth: 90));
        await Report(museum, "6", "volunteer_session", "2024-08-01", new AudienceCounts(Public: 60));
        await Report(fzu, "7", "skills_training", "2024-09-01", new AudienceCounts(Workers: 45));
        await Report(museum, "8", "emergency_drill", "2024-10-01", new AudienceCounts(Public: 120));
        await Report(fzu, "9", "health_talk", "2024-11-01", new AudienceCounts(Elderly: 75));
        await Report(fzu, "10", "competition", "2023-12-31", new AudienceCounts(Youth: 999));
        var rejected = posted[2];
        (await edu.PostAsync($"/api/v1/activities/{rejected.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "重复报送"))).ShouldBe(HttpStatusCode.OK);
        var retracted = posted[4];
        (await fzu.PostAsync($"/api/v1/activities/{retracted.Id}/retraction", new RetractActivity(retracted.Version, "未举办"))).ShouldBe(HttpStatusCode.OK);
        var added = posted[1];
        posted[1] = (await fzu.PostAsync($"/api/v1/activities/{added.Id}/attendance", new RecordAttendance(added.Version, Youth: 300))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        var statistics = (await auditor.GetAsync("/api/v1/reviews/2024/statistics")).ShouldBe(HttpStatusCode.OK).As<YearStatisticsDto>();

        var plan = (await auditor.GetAsync("/api/v1/plan")).As<PlanCatalog>();
        var columns = plan.StatisticsColumns!;
        string? ColumnOf(string kind) => (columns.FirstOrDefault(c => c.Kinds.Contains(kind)) ?? columns.FirstOrDefault(c => c.Others))?.Code;
        var leads = plan.Measures.ToDictionary(m => m.Code, m => m.LeadUnits.Concat(m.ParticipatingUnits).ToList());
        var counting = posted.Where(a => a.OccurredOn.Year == 2024 && a.Id != rejected.Id && a.Id != retracted.Id).ToList();
        Assert.Equal(7, counting.Count);

        Assert.Equal(columns.Select(c => c.Code), statistics.Columns.Select(c => c.Code));
        void Check(StatisticsRowDto row, IReadOnlyList<ActivityDto> mine)
        {
            Assert.Equal((mine.Count, mine.Sum(a => a.Attendance.Total)), (row.Activities, row.PersonTimes));
            foreach (var cell in row.Cells)
            {
                var inColumn = mine.Where(a => ColumnOf(a.Kind) == cell.Column).ToList();
                Assert.True((inColumn.Count, inColumn.Sum(a => a.Attendance.Total)) == (cell.Count, cell.PersonTimes), $"{row.UnitCode} {cell.Column}: {cell.Count} / {cell.PersonTimes}");
            }
        }

        Check(statistics.Total, counting);
        foreach (var row in statistics.Units)
        {
            Check(row, counting.Where(a => a.MeasureCodes.Any(m => leads[m].Contains(row.UnitCode!))).ToList());
        }

        Assert.Equal((7, 200 + 1820 + 3400 + 60 + 45 + 120 + 75), (statistics.Total.Activities, statistics.Total.PersonTimes));
        Assert.Equal(1820, statistics.Total.Cells.Single(c => c.Column == "competitions").PersonTimes);
        Assert.Equal((1, 120), statistics.Total.Cells.Where(c => c.Column == "others").Select(c => (c.Count, c.PersonTimes)).Single());

        var csv = await auditor.GetAsync("/api/v1/reviews/2024/statistics", new Dictionary<string, string> { ["Accept"] = "text/csv" });
        csv.ShouldBe(HttpStatusCode.OK);
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFF单位代码,单位,科普讲座（次）,科普讲座（人次）,", lines[0], StringComparison.Ordinal);
        Assert.Equal(statistics.Units.Count + 2, lines.Length);
        var total = lines[^1].Split(',');
        Assert.Equal(["", "全区合计"], total[..2]);
        Assert.Equal(statistics.Total.Cells.SelectMany(c => new[] { c.Count, c.PersonTimes }).Append(7).Append(statistics.Total.PersonTimes).Select(n => n.ToString(CultureInfo.InvariantCulture)), total[2..]);
    }
}
