using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Contracts.Cities;

/// <summary>A city joined the registry: its code, its name and the districts (by code) it is made of.</summary>
public sealed record CityRegistered(string Code, string Name, IReadOnlyList<string> Districts);

/// <summary>A district was added to a city after the city was registered.</summary>
public sealed record CityDistrictAdded(string Code, string District);

/// <summary>A city auditor's key was issued; only its SHA-256 is kept.</summary>
public sealed record CityKeyIssued(Guid KeyId, string City, string SecretHash, string? Label);

/// <summary>A city auditor's key was revoked: it works no more.</summary>
public sealed record CityKeyRevoked(Guid KeyId, string City);

/// <summary>
/// Creates a city: a named set of registered districts whose figures a city auditor reads together. <see cref="Code"/>
/// is its permanent identifier: lower-case letters, digits and hyphens, starting with a letter.
/// </summary>
public sealed record CreateCity(string Code, string Name, IReadOnlyList<string> Districts);

/// <summary>Adds a registered district to a city.</summary>
public sealed record AddCityDistrict(string District);

public sealed record CityDto(string Code, string Name, IReadOnlyList<string> Districts, DateTimeOffset RegisteredAt);

/// <summary>A city auditor's key: shown in this answer only, never again.</summary>
public sealed record IssuedCityKey(Guid KeyId, string City, string Key, DateTimeOffset IssuedAt);

/// <summary>Answer to creating a city: the city and its first city auditor's key, shown here once.</summary>
public sealed record CityCreated(CityDto City, IssuedCityKey AuditorKey);

/// <summary>
/// The targets of a city's districts side by side, for a year or the plan period. A target is summed over the city
/// when every district runs it with the same kind, unit and counting and its figures add up across districts;
/// otherwise <see cref="CityTargetDto.NotSummed"/> says why and only the districts' rows are given.
/// </summary>
/// <param name="Plan">The plan asked for, or null: each district's plan in force today.</param>
public sealed record CityProgress(string City, string Name, string? Plan, int? Year, DateOnly Today, IReadOnlyList<CityDistrictDto> Districts, IReadOnlyList<CityTargetDto> Targets);

/// <summary>
/// A district of the city: the plan (and version, by the SHA-256 of its catalog) its figures were evaluated with, and
/// how far its projection had caught up. <paramref name="PlanId"/> is null when the district runs no plan of that id.
/// </summary>
public sealed record CityDistrictDto(string Code, string Name, string? PlanId, string? PlanVersion, Freshness? Freshness);

/// <summary>
/// A target across the city. When <see cref="Summed"/>, <see cref="TargetValue"/>, <see cref="Actual"/> and
/// <see cref="VerifiedActual"/> are the sums of the districts' own figures and <see cref="Share"/> the city's actual
/// over its summed target; otherwise they are null and <see cref="NotSummed"/> (a code) and <see cref="Why"/> say why.
/// </summary>
/// <param name="NotSummed"><c>not_in_every_district</c>, <c>differs_between_districts</c> or <c>not_additive</c>.</param>
public sealed record CityTargetDto(
    string Code,
    string? Measure,
    string Kind,
    string Unit,
    bool Summed,
    string? NotSummed,
    string? Why,
    decimal? TargetValue,
    decimal? Actual,
    decimal? VerifiedActual,
    decimal? Share,
    IReadOnlyList<CityDistrictTargetDto> Districts);

/// <summary>One district's figure for a target, as that district's own GET /api/v1/progress answers it.</summary>
public sealed record CityDistrictTargetDto(
    string District,
    string Kind,
    string Unit,
    decimal TargetValue,
    decimal Actual,
    decimal VerifiedActual,
    decimal Share,
    TargetStatus Status,
    decimal? Forecast);

/// <summary>A district of the city with its plans, as the district's own <c>GET /api/v1/plans</c> lists them.</summary>
public sealed record CityDistrictPlans(string District, string Name, IReadOnlyList<CityPlanDto> Plans);

/// <summary>One plan of a district: its versions, and its catalog in the version in force now.</summary>
public sealed record CityPlanDto(PlanDto Plan, PlanCatalog Catalog);
