namespace Gulou.Events.Contracts.Indicators;

/// <summary>A survey result for an indicator target: numerator of denominator, for a year, from a source.</summary>
public sealed record IndicatorObserved(string TargetCode, int Year, decimal Numerator, decimal Denominator, string Source, DateOnly? ObservedOn, Guid UnitId);

/// <summary>Body of <c>POST /api/v1/indicators/{targetCode}/observations</c>.</summary>
public sealed record RecordObservation(int? Year, decimal? Numerator, decimal? Denominator, string Source, DateOnly? ObservedOn = null);

/// <summary>Every observation of an indicator, and the one that stands for each year (the latest recorded).</summary>
public sealed record IndicatorDto(string TargetCode, IReadOnlyList<ObservationDto> Observations, IReadOnlyList<ObservationDto> Standing, long Version);

public sealed record ObservationDto(int Year, decimal Numerator, decimal Denominator, decimal Percent, string Source, DateOnly? ObservedOn, Guid UnitId, DateTimeOffset RecordedAt);
