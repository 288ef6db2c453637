using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Completeness;

public static class GetCompletenessEndpoint
{
    /// <summary>
    /// Who reported the year and when: per responsible unit and per institution, the activities that count, those first
    /// reported after the year's reporting deadline, and the last report; and every partner institution that reported
    /// nothing for the year. <c>Accept: text/csv</c> for a spreadsheet.
    /// </summary>
    [WolverineGet("/api/v1/reviews/{year}/completeness", OperationId = "GetYearCompleteness")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = ReviewAccess.Readers)]
    public static async Task<CsvOrJson<YearCompletenessDto>> Get(int year, string? plan, DistrictPlanBook book, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var catalog = await book.OfYearAsync(session, year, plan, clock, cancellation);
        var activities = await YearActivities.LoadAsync(session, catalog, year, cancellation);
        var institutions = (await session.Query<Institution>().ToListAsync(cancellation)).ToDictionary(i => i.Id);
        var completeness = Of(year, catalog, activities, institutions.Values.ToList(), clock.GetUtcNow());
        return new CsvOrJson<YearCompletenessDto>(completeness, Csv, $"completeness-{year}");
    }

    public static YearCompletenessDto Of(int year, CurrentPlan plan, IReadOnlyList<YearActivity> activities, IReadOnlyList<Institution> institutions, DateTimeOffset now)
    {
        var (day, deadline) = plan.ReportingDeadline(year);
        var counted = activities.Where(a => a.Counted).ToList();
        bool Late(YearActivity a) => a.Activity.ReportedAt >= deadline;
        var names = institutions.ToDictionary(i => i.Id, i => i.Name);

        var units = YearActivities.ResponsibleUnits(plan).Select(u =>
        {
            var mine = counted.Where(a => a.Units.Contains(u.Code)).ToList();
            return new UnitCompletenessDto(u.Code, u.Name.Zh, u.Name.En, mine.Count, mine.Count(Late),
                mine.Select(a => a.Activity.InstitutionId).Distinct().Count(), mine.Count == 0 ? null : mine.Max(a => a.Activity.ReportedAt));
        }).ToList();

        var reporting = activities.GroupBy(a => a.Activity.InstitutionId).Select(g =>
        {
            var mine = g.Where(a => a.Counted).ToList();
            return new InstitutionCompletenessDto(g.Key, names.GetValueOrDefault(g.Key, ""), mine.Count, g.Count() - mine.Count, mine.Count(Late),
                mine.Count == 0 ? null : mine.Max(a => a.Activity.ReportedAt));
        }).OrderByDescending(i => i.Activities).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();

        var reported = activities.Select(a => a.Activity.InstitutionId).ToHashSet();
        var silent = institutions.Where(i => i.Role == Role.Partner && !reported.Contains(i.Id))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => new SilentInstitutionDto(i.Id, i.Name, i.Kind, i.RegisteredAt)).ToList();

        return new YearCompletenessDto(year, day, deadline, now, units, reporting, silent);
    }

    public static CsvTable Csv(YearCompletenessDto c)
    {
        var table = new CsvTable(["section", "code", "name", "activities", "notCounted", "late", "institutions", "lastReportedAt", "registeredAt"]);
        foreach (var u in c.Units)
        {
            table.Add("unit", u.UnitCode, u.NameZh, u.Activities, null, u.Late, u.Institutions, YearActivities.DistrictTime(u.LastReportedAt), null);
        }

        foreach (var i in c.Institutions)
        {
            table.Add("institution", i.InstitutionId, i.Name, i.Activities, i.NotCounted, i.Late, null, YearActivities.DistrictTime(i.LastReportedAt), null);
        }

        foreach (var s in c.Silent)
        {
            table.Add("silent", s.InstitutionId, s.Name, 0, 0, 0, null, null, YearActivities.DistrictTime(s.RegisteredAt));
        }

        return table;
    }
}
