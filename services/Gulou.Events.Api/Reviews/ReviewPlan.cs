using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Plan;
using Marten;

namespace Gulou.Events.Api.Reviews;

/// <summary>
/// What a year's review takes from the plan catalog, and which plan that is: the one whose period holds the year, in
/// its version in force now (the shipped plan by its data file). Every review route of a year resolves it here.
/// </summary>
public static class ReviewPlan
{
    public static readonly AnnualDeadline DefaultDeadline = new(1, 31);

    /// <summary>The refusal a review route documents for a <c>plan=</c> the district does not have.</summary>
    public const string NoSuchPlan = "the district has no plan with the id in `plan`";

    /// <summary>
    /// The plan of a year's review: the one whose period holds the year (<paramref name="planId"/>, when given, must be
    /// it; 404 when the district has no such plan), in its version in force now. A year no plan of the district holds,
    /// or one that has not begun, is a 400 on <c>year</c>.
    /// </summary>
    public static async Task<CurrentPlan> OfYearAsync(this DistrictPlanBook book, IQuerySession session, int year, string? planId, TimeProvider clock, CancellationToken cancellation)
    {
        var plan = book.CountedAt(await book.OfYearAsync(session, planId, year, cancellation), clock.GetUtcNow());
        ReviewAccess.CheckYear(year, plan, clock);
        return plan;
    }

    /// <summary>Every responsible unit of the plan: the lead and participating units of every measure, in the catalog's order.</summary>
    public static IReadOnlyList<ResponsibleUnit> SignoffUnits(this CurrentPlan plan)
    {
        var named = plan.Catalog.Measures.SelectMany(m => m.LeadUnits.Concat(m.ParticipatingUnits)).ToHashSet(StringComparer.Ordinal);
        return plan.Catalog.Units.Where(u => named.Contains(u.Code)).ToList();
    }

    /// <summary>The day a year's activities are due, and the instant that day ends in the district (UTC+8).</summary>
    public static (DateOnly Day, DateTimeOffset End) ReportingDeadline(this CurrentPlan plan, int year)
    {
        var deadline = plan.Catalog.ReportingDeadline ?? DefaultDeadline;
        var day = new DateOnly(year + 1, deadline.Month, deadline.Day);
        return (day, new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), DistrictClock.Offset));
    }

    /// <summary>The statistics columns, and for each activity kind the column it counts under (kinds no column names go to the others column).</summary>
    public static (IReadOnlyList<StatisticsColumn> Columns, Func<string, StatisticsColumn?> ColumnOf) StatisticsColumns(this CurrentPlan plan)
    {
        var columns = plan.Catalog.StatisticsColumns ?? [];
        var byKind = columns.SelectMany(c => c.Kinds.Select(k => (Kind: k, Column: c))).ToDictionary(x => x.Kind, x => x.Column, StringComparer.Ordinal);
        var others = columns.FirstOrDefault(c => c.Others);
        return (columns, kind => byKind.GetValueOrDefault(kind) ?? others);
    }
}
