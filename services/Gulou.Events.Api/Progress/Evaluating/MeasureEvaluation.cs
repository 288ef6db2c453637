using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Evaluating;

public static class MeasureEvaluation
{
    /// <summary>
    /// A year's figures, or (without a year) the plan period's, where distinct institutions are counted once over the
    /// period. <paramref name="plan"/>: the plan's id, named in the drill-down links.
    /// </summary>
    public static MeasureProgressDto Describe(PlanMeasure measure, IReadOnlyList<Rollup> rollups, int? year, PlanPeriod period, string? plan = null)
    {
        var inScope = rollups.Where(r => year is null ? period.Years.Contains(r.Year) : r.Year == year).ToList();
        var byYear = rollups.Where(r => period.Years.Contains(r.Year)).OrderBy(r => r.Year)
            .Select(r => new YearFigures(r.Year, r.Official.ToDto(), r.Verified.ToDto(), Drilldown.ForMeasure(measure.Code, r.Year, plan)))
            .ToList();
        return new MeasureProgressDto(
            measure.Code,
            measure.Section,
            measure.Title.Zh,
            measure.Title.En,
            measure.LeadUnits,
            year,
            Figures.Describe(inScope, official: true, overPeriod: year is null),
            Figures.Describe(inScope, official: false, overPeriod: year is null),
            byYear,
            Drilldown.ForMeasure(measure.Code, year, plan));
    }
}
