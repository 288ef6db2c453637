using System.Text.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// Which contributions make up a year's figures: those to the year's own rollups, and, for a target that is not an
/// annual one (a running count, a standing stock, the latest survey, a coverage target's register of schools), those to its rollups of earlier years too.
/// </summary>
public static class YearScope
{
    public static bool Touches(RollupKey key, int year, CurrentPlan plan) =>
        key.Year == year || (key.Scope == RollupScope.Target && key.Year < year
            && (key.Year == RollupKey.RegisterYear || plan.Target(key.Target!) is not { } target || !TargetEvaluation.IsAnnual(target)));

    /// <summary>What a record adds to the rollups that pass <paramref name="relevant"/>, as text that compares equal when the contributions are equal.</summary>
    public static string Canonical(IEnumerable<Contribution> contributions, Func<RollupKey, bool> relevant) =>
        JsonSerializer.Serialize(contributions
            .Where(c => relevant(c.Key))
            .OrderBy(c => c.Key.Id, StringComparer.Ordinal)
            .Select(c => new { c.Key.Id, Official = Comparable(c.Official), Verified = Comparable(c.Verified), Institutions = c.Institutions?.Order().ToList() }));

    /// <summary>The years among <paramref name="years"/> whose figures differ between what a record added before and what it adds after.</summary>
    public static IEnumerable<int> Changed(IReadOnlyList<Contribution> before, IReadOnlyList<Contribution> after, IEnumerable<int> years, CurrentPlan plan) =>
        years.Where(y => Canonical(before, k => Touches(k, y, plan)) != Canonical(after, k => Touches(k, y, plan)));

    private static object? Comparable(Figures? f) => f is null ? null : new
    {
        f.Activities, f.Attendance, f.VolunteerHours, f.Added, f.Removed, f.Numerator, f.Denominator,
    };
}
