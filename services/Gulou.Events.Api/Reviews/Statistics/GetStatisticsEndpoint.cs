using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Statistics;

public static class GetStatisticsEndpoint
{
    /// <summary>
    /// The year's activities in the layout of the activity block (科普活动) of the annual science-popularization
    /// statistics: per responsible unit and for the district, activities and person-times of each column (lectures,
    /// exhibitions, competitions, trainings, open days, volunteer services …). The columns and the activity kinds they
    /// take are catalog data. Counts what the progress figures count, as it stands now. <c>Accept: text/csv</c> for a spreadsheet.
    /// </summary>
    [WolverineGet("/api/v1/reviews/{year}/statistics", OperationId = "GetYearStatistics")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = ReviewAccess.Readers)]
    public static async Task<CsvOrJson<YearStatisticsDto>> Get(int year, string? plan, DistrictPlanBook book, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var catalog = await book.OfYearAsync(session, year, plan, clock, cancellation);
        var activities = await YearActivities.LoadAsync(session, catalog, year, cancellation);
        return new CsvOrJson<YearStatisticsDto>(Of(year, catalog, activities, clock.GetUtcNow()), Csv, $"statistics-{year}");
    }

    public static YearStatisticsDto Of(int year, CurrentPlan plan, IReadOnlyList<YearActivity> activities, DateTimeOffset now)
    {
        var (columns, columnOf) = plan.StatisticsColumns();
        var counted = activities.Where(a => a.Counted).ToList();
        StatisticsRowDto Row(string? unit, LocalizedText name, IReadOnlyList<YearActivity> mine)
        {
            var cells = columns.Select(c =>
            {
                var inColumn = mine.Where(a => columnOf(a.Activity.Kind)?.Code == c.Code).ToList();
                return new StatisticsCellDto(c.Code, inColumn.Count, inColumn.Sum(a => a.Activity.Attendance.Total));
            }).ToList();
            return new StatisticsRowDto(unit, name.Zh, name.En, cells, mine.Count, mine.Sum(a => a.Activity.Attendance.Total));
        }

        return new YearStatisticsDto(
            year,
            now,
            columns.Select(c => new StatisticsColumnDto(c.Code, c.Name.Zh, c.Name.En, c.Kinds, c.Others)).ToList(),
            YearActivities.ResponsibleUnits(plan).Select(u => Row(u.Code, u.Name, counted.Where(a => a.Units.Contains(u.Code)).ToList())).ToList(),
            Row(null, new LocalizedText("全区合计", "District total"), counted));
    }

    /// <summary>One row per unit and the district's total, two cells per column (活动次数, 参加人次), as the statistics form lays them out.</summary>
    public static CsvTable Csv(YearStatisticsDto s)
    {
        var table = new CsvTable(["单位代码", "单位", .. s.Columns.SelectMany(c => new[] { $"{c.NameZh}（次）", $"{c.NameZh}（人次）" }), "合计（次）", "合计（人次）"]);
        foreach (var row in s.Units.Append(s.Total))
        {
            table.Add([row.UnitCode, row.NameZh, .. row.Cells.SelectMany(c => new object[] { c.Count, c.PersonTimes }), row.Activities, row.PersonTimes]);
        }

        return table;
    }
}
