using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.Contracts.Reviews;

/// <summary>
/// Who reported a year's activities and when: per responsible unit and per institution, the activities that count,
/// those first reported after the year's reporting deadline, and the last report; and the partner institutions that
/// reported nothing for the year.
/// </summary>
/// <param name="Deadline">The end of the year's reporting deadline (the catalog's day of the following year, UTC+8).</param>
public sealed record YearCompletenessDto(
    int Year,
    DateOnly DeadlineDay,
    DateTimeOffset Deadline,
    DateTimeOffset Now,
    IReadOnlyList<UnitCompletenessDto> Units,
    IReadOnlyList<InstitutionCompletenessDto> Institutions,
    IReadOnlyList<SilentInstitutionDto> Silent);

/// <param name="Activities">Activities of the year under the measures the unit leads that count toward the figures.</param>
/// <param name="Late">Of those, the ones first reported after the deadline.</param>
/// <param name="Institutions">Distinct institutions behind them.</param>
public sealed record UnitCompletenessDto(string UnitCode, string NameZh, string NameEn, int Activities, int Late, int Institutions, DateTimeOffset? LastReportedAt);

/// <param name="Activities">The institution's activities of the year that count toward the figures.</param>
/// <param name="NotCounted">Its activities of the year that were rejected or retracted.</param>
/// <param name="Late">Of the counted ones, those first reported after the deadline.</param>
public sealed record InstitutionCompletenessDto(Guid InstitutionId, string Name, int Activities, int NotCounted, int Late, DateTimeOffset? LastReportedAt);

/// <summary>A registered partner institution with no activity of the year at all.</summary>
public sealed record SilentInstitutionDto(Guid InstitutionId, string Name, InstitutionKind Kind, DateTimeOffset RegisteredAt);
