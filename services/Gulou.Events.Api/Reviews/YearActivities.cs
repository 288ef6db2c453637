using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Rollups;
using Marten;

namespace Gulou.Events.Api.Reviews;

/// <summary>An activity of a year, with what the progress figures make of it: whether it counts, and toward which units.</summary>
public sealed record YearActivity(ActivityRecord Activity, bool Counted, IReadOnlyList<string> Units);

/// <summary>A year's activities as they stand now, judged by the same counting rule as the progress figures.</summary>
public static class YearActivities
{
    public static async Task<IReadOnlyList<YearActivity>> LoadAsync(IQuerySession session, CurrentPlan plan, int year, CancellationToken cancellation)
    {
        var records = await session.Query<ActivityRecord>().Where(a => a.Year == year).ToListAsync(cancellation);
        return records.Select(activity => Of(activity, plan)).ToList();
    }

    public static YearActivity Of(ActivityRecord activity, CurrentPlan plan)
    {
        var contributions = ActivityCounting.Contributions(activity, plan).ToList();
        return new YearActivity(
            activity,
            contributions.Any(c => c.Key.Scope == RollupScope.Total),
            contributions.Where(c => c.Key.Scope == RollupScope.Unit).Select(c => c.Key.Unit!).ToList());
    }

    /// <summary>The units activities count toward: those that lead a measure or take part in one, in the catalog's order.</summary>
    public static IEnumerable<Contracts.Plan.ResponsibleUnit> ResponsibleUnits(CurrentPlan plan) =>
        plan.Catalog.Units.Where(u => plan.MeasuresOf(u.Code).Count > 0);

    /// <summary>An instant as a spreadsheet shows it, in the district's time.</summary>
    public static string? DistrictTime(DateTimeOffset? instant) =>
        instant?.ToOffset(Infrastructure.DistrictClock.Offset).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
