using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Plan;

/// <summary>Which version of a plan catalog a district last loaded. Inline snapshot of the plan's stream.</summary>
public sealed class LoadedPlan
{
    public Guid Id { get; set; }

    public string PlanId { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public long Version { get; set; }

    public static LoadedPlan Create(PlanCatalogLoaded e) => new() { PlanId = e.PlanId, ContentHash = e.ContentHash };

    public void Apply(PlanCatalogLoaded e) => ContentHash = e.ContentHash;
}
