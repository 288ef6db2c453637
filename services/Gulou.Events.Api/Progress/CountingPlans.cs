using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress;

/// <summary>
/// The plans the progress fold counts for at a point of the log: the shipped plan, and each published plan in its version
/// last published by then. A record contributes to every plan whose rules take it (an activity to the plan of its year;
/// a designation, a volunteer, a school and an observation to each plan with targets of their kind or code), each
/// contribution filed under its plan.
/// </summary>
public sealed class CountingPlans
{
    private readonly List<CurrentPlan> _plans;

    public CountingPlans(CurrentPlan shipped, IEnumerable<CurrentPlan> published) =>
        _plans = [shipped, .. published.Where(p => p.Catalog.Id != shipped.Catalog.Id)];

    private CountingPlans(List<CurrentPlan> plans) => _plans = plans;

    public IReadOnlyList<CurrentPlan> All => _plans;

    public CurrentPlan? Named(string planId) => _plans.FirstOrDefault(p => p.Catalog.Id == planId);

    /// <summary>The same plans with <paramref name="plan"/> in place of its earlier version.</summary>
    public CountingPlans With(CurrentPlan plan) =>
        new([.. _plans.Where(p => p.Catalog.Id != plan.Catalog.Id), plan]);

    /// <summary>The period a series of rollups counts institutions as new within: its target's, else its plan's; null for a plan or target not counted.</summary>
    public PlanPeriod? PeriodOf(RollupKey key) =>
        Named(key.Plan) is not { } plan ? null
        : key.Scope == RollupScope.Target ? plan.Target(key.Target!)?.Period
        : plan.Period;

    public IEnumerable<Contribution> Contributions(ITally tally) => _plans.SelectMany(p => Under(tally, p));

    /// <summary>What a record adds to one plan's figures, filed under that plan.</summary>
    public static IEnumerable<Contribution> Under(ITally tally, CurrentPlan plan) =>
        tally.Contributions(plan).Select(c => c.Under(plan.Catalog.Id));
}
