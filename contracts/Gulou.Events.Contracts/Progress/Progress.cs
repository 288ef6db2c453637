namespace Gulou.Events.Contracts.Progress;

public enum TargetStatus
{
    Met,
    OnTrack,
    Behind,
    NotStarted,
}

/// <summary>How far the progress projection has caught up with the event log.</summary>
public sealed record Freshness(long LastAppliedSequence, long HighWaterMark, bool CaughtUp);

/// <summary>Where a target stands. <c>actual</c> and <c>forecast</c> are in the target's unit (percent for indicators).</summary>
/// <param name="Year">The year asked for, or null for the whole plan period.</param>
/// <param name="VerifiedActual">The same figure counting only verified records.</param>
/// <param name="Forecast">A linear forecast of the figure at the deadline, or null when nothing can be forecast.</param>
/// <param name="Drilldown">The list of records behind the figure.</param>
/// <param name="Baseline">Where the target stood in the year before the plan period (a survey, a rank, a stock), or null:
/// never an actual of the period.</param>
/// <param name="Beside">The target this one is read beside (a ranking beside the figure it ranks), or null.</param>
public sealed record TargetProgressDto(
    string Code,
    string? Measure,
    string Kind,
    string Unit,
    decimal TargetValue,
    decimal Actual,
    decimal VerifiedActual,
    decimal Share,
    TargetStatus Status,
    decimal? Forecast,
    int? Year,
    IReadOnlyList<SeriesPoint> Series,
    string Drilldown,
    decimal? Baseline = null,
    string? Beside = null);

public sealed record SeriesPoint(int Year, decimal Actual, decimal VerifiedActual, string Drilldown);

public sealed record ProgressOverview(int? Year, DateOnly Today, Freshness Freshness, IReadOnlyList<TargetProgressDto> Targets);

/// <summary>Plain counts: activities, person-times by audience, distinct institutions, volunteer hours.</summary>
public sealed record FiguresDto(int Activities, AudienceCounts PersonTimes, int Institutions, decimal VolunteerHours);

public sealed record MeasureProgressDto(
    string Code,
    string Section,
    string TitleZh,
    string TitleEn,
    IReadOnlyList<string> LeadUnits,
    int? Year,
    FiguresDto Official,
    FiguresDto Verified,
    IReadOnlyList<YearFigures> ByYear,
    string Drilldown);

public sealed record YearFigures(int Year, FiguresDto Official, FiguresDto Verified, string Drilldown);

public sealed record MeasuresOverview(int? Year, Freshness Freshness, IReadOnlyList<MeasureProgressDto> Measures);

public sealed record MeasureFigures(string Measure, FiguresDto Official, FiguresDto Verified, string Drilldown);

public sealed record InstitutionProgressDto(Guid InstitutionId, string Name, FiguresDto Official, FiguresDto Verified, IReadOnlyList<MeasureFigures> Measures, string Drilldown);

/// <summary>What the plan makes a unit for a measure: its lead unit (牵头) or a participating unit (参加).</summary>
public enum UnitRole
{
    Lead,
    Participating,
}

/// <summary>A measure a unit is responsible for, with the unit's role in it and the measure's figures.</summary>
public sealed record UnitMeasureFigures(string Measure, UnitRole Role, FiguresDto Official, FiguresDto Verified, string Drilldown);

/// <summary>
/// A responsible unit: the activities of every measure it leads or takes part in, each activity once however many of
/// those measures it is filed under. <paramref name="Coordinates"/>: the plan's coordinating unit (综合协调), which may
/// decide on reports under every measure.
/// </summary>
public sealed record UnitProgressDto(
    string UnitCode,
    string NameZh,
    string NameEn,
    IReadOnlyList<string> LeadsMeasures,
    FiguresDto Official,
    FiguresDto Verified,
    IReadOnlyList<UnitMeasureFigures> Measures,
    string Drilldown,
    IReadOnlyList<string> ParticipatesIn,
    bool Coordinates);

public sealed record UnitsOverview(int? Year, Freshness Freshness, IReadOnlyList<InstitutionProgressDto> Institutions, IReadOnlyList<UnitProgressDto> Units);
