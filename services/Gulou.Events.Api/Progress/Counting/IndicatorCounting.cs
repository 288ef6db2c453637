using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Indicators;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// An indicator's (or a ranking's) figure of a year is its standing observation of that year: the latest recorded that
/// is neither withdrawn nor rejected (see <see cref="IndicatorRecord.Standing"/>); its verified figure is the latest
/// verified one. A survey adds its numerator and denominator, a rank its place and the number of districts ranked.
/// A year before the plan period is the baseline: kept in its own rollup, never read as an actual of the period. An
/// observation counts for each plan that has a target of its code.
/// </summary>
public static class IndicatorCounting
{
    public static IEnumerable<Contribution> Contributions(IndicatorRecord? indicator, CurrentPlan plan)
    {
        if (indicator is null || plan.Target(indicator.TargetCode) is null)
        {
            yield break;
        }

        var official = indicator.Standing().ToDictionary(o => o.Year);
        var verified = indicator.Standing(CountedAs.Verified).ToDictionary(o => o.Year);
        foreach (var year in official.Keys.Union(verified.Keys).Order())
        {
            yield return new Contribution(RollupKey.ForTarget(indicator.TargetCode, year), Of(official.GetValueOrDefault(year)), Of(verified.GetValueOrDefault(year)));
        }
    }

    private static Figures? Of(ObservationDto? observation) => observation switch
    {
        null => null,
        { Rank: { } rank } => new Figures { Numerator = rank, Denominator = observation.Of ?? 0 },
        _ => new Figures { Numerator = observation.Numerator, Denominator = observation.Denominator },
    };
}
