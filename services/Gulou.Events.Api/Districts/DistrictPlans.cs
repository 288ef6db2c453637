using Gulou.Events.Api.Plan;

namespace Gulou.Events.Api.Districts;

/// <summary>
/// The plans a district can be created with. Today that is the catalog the service runs; once plan catalogs are
/// published as versioned data, this answers from them.
/// </summary>
public sealed class DistrictPlans(CurrentPlan plan)
{
    /// <summary>What a district runs when its creation names no plan: the plan in force.</summary>
    public IReadOnlyList<string> Default => [plan.Catalog.Id];

    public bool IsKnown(string planId) => planId == plan.Catalog.Id;
}
