using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Client.Resources;

/// <summary>The plan catalog: sections, measures, units, targets and activity kinds.</summary>
public sealed class PlanClient(ApiConnection api)
{
    public Task<PlanCatalog> GetAsync(CancellationToken cancellation = default) =>
        api.SendAsync<PlanCatalog>(ApiRoutes.GetPlan, [], null, null, cancellation);
}
