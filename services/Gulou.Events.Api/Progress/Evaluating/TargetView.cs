using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Evaluating;

/// <summary>A target's figure for any year, read from its yearly rollups according to the target's kind.</summary>
public sealed class TargetView(PlanTarget target, IReadOnlyList<Rollup> rollups)
{
    private readonly Dictionary<int, Rollup> _byYear = rollups.ToDictionary(r => r.Year);

    private bool IsObserved => target.Kind is TargetKind.Indicator or TargetKind.Ranking;

    /// <summary>
    /// Annual sums: that year's sum. Distinct institutions: all institutions from the start of the period to the end
    /// of the year (each year's rollup holds those first counted in it). Designations and persons: those standing at
    /// the end of the year. Indicators: the latest observation of the period up to the year, in percent; rankings: the
    /// latest rank. An observation of a year before the period is the baseline, never the figure of a year of the
    /// period. Coverage: the share (percent) of the register's schools the year's counted activities reached.
    /// </summary>
    public decimal Value(int year, bool official)
    {
        Figures Of(Rollup r) => official ? r.Official : r.Verified;
        var upTo = rollups.Where(r => r.Year <= year).ToList();
        return target.Kind switch
        {
            TargetKind.AnnualSum => _byYear.TryGetValue(year, out var r) ? YearSum(Of(r)) : 0,
            TargetKind.CumulativeDistinctInstitutions => upTo.Where(r => r.Year >= target.Period.From).Sum(r => Of(r).NewInstitutions),
            TargetKind.CumulativeDistinctDesignations or TargetKind.CumulativeDistinctPersons => upTo.Sum(r => Of(r).Added - Of(r).Removed),
            TargetKind.Indicator or TargetKind.Ranking => Observed(upTo.Where(r => r.Year >= target.Period.From), official) ?? 0,
            TargetKind.AnnualCoverage => Coverage(year, official),
            _ => throw new InvalidOperationException($"Unknown target kind {target.Kind}."),
        };
    }

    /// <summary>The number of schools in the register (official and verified alike): the whole a coverage figure is a share of.</summary>
    public int RegisterSize => _byYear.TryGetValue(RollupKey.RegisterYear, out var register) ? register.Official.DistinctInstitutions : 0;

    /// <summary>How many of the register's schools the year's counted activities reached.</summary>
    public int Covered(int year, bool official) => _byYear.TryGetValue(year, out var r) ? (official ? r.Official : r.Verified).Covered : 0;

    private decimal Coverage(int year, bool official) =>
        RegisterSize == 0 ? 0 : IndicatorRecord.Percent(Covered(year, official), RegisterSize);

    /// <summary>
    /// Where the target stood before the period: the observation standing for the latest year before it (indicators,
    /// rankings), or the stock standing at the end of the year before it (targets read as standing); otherwise null.
    /// </summary>
    public decimal? Baseline()
    {
        var before = rollups.Where(r => r.Year < target.Period.From).ToList();
        return target.Kind switch
        {
            TargetKind.Indicator or TargetKind.Ranking => Observed(before, official: true),
            TargetKind.CumulativeDistinctDesignations or TargetKind.CumulativeDistinctPersons when target.Counting.Reading == TargetReading.Standing =>
                Value(target.Period.From - 1, official: true),
            _ => null,
        };
    }

    /// <summary>Whether anything at all counts toward the target up to the year (or in that year); a baseline does not, nor a register.</summary>
    public bool HasRecordsUpTo(int year, bool onlyThatYear) =>
        rollups.Any(r => r.Year != RollupKey.RegisterYear && (onlyThatYear ? r.Year == year : r.Year <= year) && !r.Official.IsEmpty && (!IsObserved || r.Year >= target.Period.From));

    /// <summary>The standing observation of each year of the period up to <paramref name="year"/> that has one, in order (a percent or a rank).</summary>
    public IEnumerable<decimal> ObservationsUpTo(int year) =>
        rollups.Where(r => r.Year >= target.Period.From && r.Year <= year && r.Official.Denominator > 0).OrderBy(r => r.Year).Select(r => Observed([r], official: true)!.Value);

    /// <summary>A straight line through the standing observations up to the year (the baseline included), read at the deadline year.</summary>
    public decimal? IndicatorTrend(int year, int deadlineYear)
    {
        var points = rollups.Where(r => r.Year <= year && r.Official.Denominator > 0).OrderBy(r => r.Year)
            .Select(r => (X: (decimal)r.Year, Y: IndicatorRecord.Percent(r.Official.Numerator, r.Official.Denominator))).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        if (points.Count == 1 || year >= deadlineYear)
        {
            return points[^1].Y;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return meanY + (slope * (deadlineYear - meanX));
    }

    /// <summary>The latest observation among the rollups: a percent, or a rank.</summary>
    private decimal? Observed(IEnumerable<Rollup> candidates, bool official)
    {
        Figures Of(Rollup r) => official ? r.Official : r.Verified;
        if (candidates.Where(r => Of(r).Denominator > 0).MaxBy(r => r.Year) is not { } latest)
        {
            return null;
        }

        var figures = Of(latest);
        return target.Kind == TargetKind.Ranking ? figures.Numerator : IndicatorRecord.Percent(figures.Numerator, figures.Denominator);
    }

    private decimal YearSum(Figures figures) =>
        target.Counting.Audience is { } audience ? ActivityCounting.Audience(figures.Attendance, audience) : figures.Activities;
}
