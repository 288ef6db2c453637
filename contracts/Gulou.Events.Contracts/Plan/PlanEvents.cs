namespace Gulou.Events.Contracts.Plan;

/// <summary>
/// A plan catalog was loaded from the service's data file (first, or after the file changed). The catalog is kept whole.
/// <paramref name="LoadedAt"/> is when a changed file replaced the version before it; the first load, and loads recorded
/// before the field existed, are in force from the start.
/// </summary>
public sealed record PlanCatalogLoaded(string PlanId, string ContentHash, string Source, PlanCatalog Catalog, DateTimeOffset? LoadedAt = null);

/// <summary>
/// A district's administrator published a version of a plan's catalog. It replaces the version before it from
/// <paramref name="PublishedAt"/> on; <paramref name="ContentHash"/> is the SHA-256 of the JSON as published.
/// </summary>
public sealed record PlanCatalogPublished(string PlanId, string ContentHash, DateTimeOffset PublishedAt, string PublishedBy, PlanCatalog Catalog);

/// <summary>One version of a plan: who published it and when (null: in force from the start), and the hash of its catalog.</summary>
public sealed record PlanVersionDto(int Version, string ContentHash, DateTimeOffset? PublishedAt, string PublishedBy);

/// <summary>A plan a district runs, its period and its versions, oldest first.</summary>
public sealed record PlanDto(string Id, LocalizedText Title, PlanPeriod Period, bool InForce, IReadOnlyList<PlanVersionDto> Versions);

/// <summary>The answer to a publication: the plan's new version (or the version it already had, when the catalog is unchanged).</summary>
public sealed record PlanPublishedDto(string PlanId, PlanPeriod Period, PlanVersionDto Version, bool Unchanged);
