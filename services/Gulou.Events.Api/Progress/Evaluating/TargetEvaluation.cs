using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Evaluating;

/// <summary>
/// Turns a target's yearly rollups into where it stands: the figure for a year (or, without a year, the latest
/// year of the period reached so far), the share of the target, a linear forecast to the deadline, and a status.
/// </summary>
public static class TargetEvaluation
{
    /// <param name="plan">The id of the target's plan, named in the drill-down links.</param>
    public static TargetProgressDto Evaluate(PlanTarget target, IReadOnlyList<Rollup> rollups, int? year, DateOnly today, string? plan = null)
    {
        var view = new TargetView(target, rollups);
        var period = target.Period;
        var scopeYear = year ?? Math.Clamp(today.Year, period.From, period.To);
        var lastYear = Math.Min(period.To, Math.Max(period.From, year ?? today.Year));
        var series = Enumerable.Range(period.From, lastYear - period.From + 1)
            .Select(y => new SeriesPoint(y, view.Value(y, official: true), view.Value(y, official: false), Drilldown.ForTarget(target, y, plan)))
            .ToList();

        var actual = view.Value(scopeYear, official: true);
        var forecast = target.Kind switch
        {
            TargetKind.AnnualSum => ForecastYear(actual, scopeYear, today),
            TargetKind.AnnualCoverage => ForecastYear(actual, scopeYear, today) is { } share ? Math.Min(share, 100m) : null,
            TargetKind.Indicator => view.IndicatorTrend(scopeYear, target.Deadline.Year),
            TargetKind.Ranking => null,
            _ => ForecastCumulative(view, target, scopeYear, today),
        };
        var status = target.Kind switch
        {
            TargetKind.AnnualSum or TargetKind.AnnualCoverage when year is null => AnnualPlanStatus(target, view, today),
            TargetKind.Ranking => RankingStatus(target, view, scopeYear),
            _ => Status(target, view, actual, forecast, scopeYear, today),
        };

        return new TargetProgressDto(
            target.Code,
            target.Measure,
            Plan.Codes.Of(target.Kind),
            target.Unit,
            target.Value,
            actual,
            view.Value(scopeYear, official: false),
            Share(target, actual),
            status,
            forecast is null ? null : Math.Round(forecast.Value, 2),
            year,
            series,
            Drilldown.ForTarget(target, year ?? (target.Kind == TargetKind.AnnualCoverage ? scopeYear : null), plan),
            view.Baseline() is { } baseline ? Math.Round(baseline, 4) : null,
            target.Beside);
    }

    /// <summary>A target every year of the period must meet on its own.</summary>
    public static bool IsAnnual(PlanTarget target) => target.Kind is TargetKind.AnnualSum or TargetKind.AnnualCoverage;

    public static bool Meets(PlanTarget target, decimal value) => target.Comparison switch
    {
        TargetComparison.GreaterThan => value > target.Value,
        // A rank: first is best; 0 is no rank at all.
        TargetComparison.AtMost => value >= 1 && value <= target.Value,
        _ => value >= target.Value,
    };

    /// <summary>The actual over the target; for a rank, the goal over the rank, at most 1.</summary>
    private static decimal Share(PlanTarget target, decimal actual) => Share(target.Comparison, target.Value, actual);

    /// <summary>The same for a target value of its own (a city's, the sum of its districts' targets).</summary>
    public static decimal Share(TargetComparison comparison, decimal value, decimal actual) => comparison switch
    {
        TargetComparison.AtMost => actual < 1 ? 0 : Math.Round(Math.Min(1, value / actual), 4),
        _ => value == 0 ? 0 : Math.Round(actual / value, 4),
    };

    /// <summary>
    /// A ranking is met when the latest rank of the period up to the year reaches the goal, or, for a goal that must
    /// hold throughout ("继续保持"), when every rank of the period up to the year did; nothing forecasts a rank.
    /// </summary>
    private static TargetStatus RankingStatus(PlanTarget target, TargetView view, int year)
    {
        var ranks = view.ObservationsUpTo(year).ToList();
        if (ranks.Count == 0)
        {
            return TargetStatus.NotStarted;
        }

        var judged = target.Counting.HeldThroughout ? ranks : ranks[^1..];
        return judged.All(rank => Meets(target, rank)) ? TargetStatus.Met : TargetStatus.Behind;
    }

    private static TargetStatus Status(PlanTarget target, TargetView view, decimal actual, decimal? forecast, int year, DateOnly today)
    {
        if (!view.HasRecordsUpTo(year, onlyThatYear: IsAnnual(target)))
        {
            return TargetStatus.NotStarted;
        }

        if (Meets(target, actual))
        {
            return TargetStatus.Met;
        }

        return forecast is { } f && Meets(target, f) && !IsOver(target, year, today) ? TargetStatus.OnTrack : TargetStatus.Behind;
    }

    /// <summary>An annual target over the plan: behind once a finished year missed it; met when every year did.</summary>
    private static TargetStatus AnnualPlanStatus(PlanTarget target, TargetView view, DateOnly today)
    {
        if (!view.HasRecordsUpTo(target.Period.To, onlyThatYear: false))
        {
            return TargetStatus.NotStarted;
        }

        var finished = target.Period.Years.Where(y => y < today.Year).ToList();
        if (finished.Any(y => !Meets(target, view.Value(y, official: true))))
        {
            return TargetStatus.Behind;
        }

        if (finished.Count == target.Period.Years.Count())
        {
            return TargetStatus.Met;
        }

        var current = view.Value(today.Year, official: true);
        return Meets(target, current) ? TargetStatus.Met
            : ForecastYear(current, today.Year, today) is { } f && Meets(target, target.Kind == TargetKind.AnnualCoverage ? Math.Min(f, 100m) : f) ? TargetStatus.OnTrack
            : TargetStatus.Behind;
    }

    private static bool IsOver(PlanTarget target, int year, DateOnly today) => year >= target.Deadline.Year && today > target.Deadline;

    /// <summary>A year's sum at the year's end: as it is for a finished year, extrapolated for the current one.</summary>
    private static decimal? ForecastYear(decimal actual, int year, DateOnly today)
    {
        if (year < today.Year)
        {
            return actual;
        }

        if (year > today.Year)
        {
            return null;
        }

        var elapsed = (decimal)(today.DayOfYear) / (DateTime.IsLeapYear(year) ? 366 : 365);
        return actual / elapsed;
    }

    /// <summary>The figure at the deadline if it keeps growing at its pace since the period began.</summary>
    private static decimal? ForecastCumulative(TargetView view, PlanTarget target, int year, DateOnly today)
    {
        var period = target.Period;
        var total = period.To - period.From + 1m;
        // Whole years for finished years; the current year counts by the share of it that has passed.
        var elapsed = year < today.Year
            ? year - period.From + 1m
            : today.Year - period.From + ((decimal)today.DayOfYear / (DateTime.IsLeapYear(today.Year) ? 366 : 365));
        if (elapsed <= 0)
        {
            return null;
        }

        if (elapsed >= total)
        {
            return view.Value(period.To, official: true);
        }

        var baseline = view.Value(period.From - 1, official: true);
        var actual = view.Value(year, official: true);
        return baseline + ((actual - baseline) / elapsed * total);
    }
}
