using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Reviews;

/// <summary>
/// What a year's review takes from the plan catalog. A district runs one plan today, so every review reads the
/// current one; when plans become versioned data, a review resolves its plan (a <c>plan=</c> parameter) here.
/// </summary>
public static class ReviewPlan
{
    public static readonly AnnualDeadline DefaultDeadline = new(1, 31);

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
