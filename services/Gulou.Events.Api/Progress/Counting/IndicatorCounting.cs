using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Progress.Rollups;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>An indicator's standing observation of each year is the figure of that year.</summary>
public static class IndicatorCounting
{
    public static IEnumerable<Contribution> Contributions(IndicatorRecord? indicator)
    {
        if (indicator is null)
        {
            yield break;
        }

        foreach (var observation in indicator.Standing())
        {
            var figures = new Figures { Numerator = observation.Numerator, Denominator = observation.Denominator };
            yield return new Contribution(RollupKey.ForTarget(indicator.TargetCode, observation.Year), figures, figures);
        }
    }
}
