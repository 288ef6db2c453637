namespace Gulou.Events.Contracts.Plan;

/// <summary>A plan catalog was loaded (first, or after its data file changed). The catalog is kept whole.</summary>
public sealed record PlanCatalogLoaded(string PlanId, string ContentHash, string Source, PlanCatalog Catalog);
