using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Contracts.Indicators;

/// <summary>A survey result for an indicator target: numerator of denominator, for a year, from a source.</summary>
public sealed record IndicatorObserved(string TargetCode, int Year, decimal Numerator, decimal Denominator, string Source, DateOnly? ObservedOn, Guid UnitId);

/// <summary>A published ranking for a ranking target: the district ranked <see cref="Rank"/> of <see cref="Of"/> districts in a year.</summary>
public sealed record RankObserved(string TargetCode, int Year, int Rank, int Of, string Source, DateOnly? ObservedOn, Guid UnitId);

/// <summary>
/// A unit other than the one that recorded it verified an observation (a survey result or a rank). Observations are
/// numbered 1, 2, 3 … in the order they were recorded for the target.
/// </summary>
public sealed record ObservationVerified(string TargetCode, int Number, Guid UnitId, string? Note);

/// <summary>A unit other than the one that recorded it rejected an observation: it no longer stands for its year.</summary>
public sealed record ObservationRejected(string TargetCode, int Number, Guid UnitId, string Reason);

/// <summary>A unit responsible for the target withdrew an observation (kept in the history): the year falls back to the previous one.</summary>
public sealed record ObservationWithdrawn(string TargetCode, int Number, Guid UnitId, string Reason);

/// <summary>
/// Body of <c>POST /api/v1/indicators/{targetCode}/observations</c>: <see cref="Numerator"/> of <see cref="Denominator"/>
/// for a survey, or <see cref="Rank"/> of <see cref="Of"/> districts for a ranking target.
/// </summary>
public sealed record RecordObservation(int? Year, decimal? Numerator, decimal? Denominator, string Source, DateOnly? ObservedOn = null, int? Rank = null, int? Of = null);

/// <summary>Body of <c>POST /api/v1/indicators/{targetCode}/observations/{number}/withdrawal</c>.</summary>
public sealed record WithdrawObservation(string Reason);

/// <summary>
/// Every observation of an indicator (withdrawn ones included), the one that stands for each year of the plan period
/// (the latest recorded that is neither withdrawn nor rejected), and the one that stands for the year before it, the
/// baseline, which is never an actual of the period.
/// </summary>
public sealed record IndicatorDto(string TargetCode, IReadOnlyList<ObservationDto> Observations, IReadOnlyList<ObservationDto> Standing, long Version, ObservationDto? Baseline = null);

/// <param name="Number">The observation's number for its target (1 for the first recorded), for its verification or withdrawal.</param>
/// <param name="Rank">A ranking: the district's rank (<see cref="Numerator"/>, <see cref="Denominator"/> and <see cref="Percent"/> are then 0).</param>
/// <param name="Of">A ranking: how many districts were ranked.</param>
public sealed record ObservationDto(
    int Year,
    decimal Numerator,
    decimal Denominator,
    decimal Percent,
    string Source,
    DateOnly? ObservedOn,
    Guid UnitId,
    DateTimeOffset RecordedAt,
    int Number = 0,
    int? Rank = null,
    int? Of = null,
    VerificationDto? Verification = null,
    WithdrawalDto? Withdrawal = null);

public sealed record WithdrawalDto(Guid UnitId, string Reason, DateTimeOffset WithdrawnAt);
