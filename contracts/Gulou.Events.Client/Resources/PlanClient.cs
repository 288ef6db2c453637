using System.Net.Http.Headers;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Client.Resources;

/// <summary>The district's plans: the catalog in force (or of a plan by id), the plans with their versions, publishing a catalog.</summary>
public sealed class PlanClient(ApiConnection api)
{
    /// <summary>The catalog of the plan in force today, or of <paramref name="planId"/>.</summary>
    public Task<PlanCatalog> GetAsync(string? planId = null, CancellationToken cancellation = default) =>
        api.SendAsync<PlanCatalog>(ApiRoutes.GetPlan, [], new Query().Add("plan", planId), null, cancellation);

    public Task<IReadOnlyList<PlanDto>> ListAsync(CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<PlanDto>>(ApiRoutes.ListPlans, [], null, null, cancellation);

    /// <summary>Publishes the catalog JSON as it is written (its SHA-256 is the hash of these bytes).</summary>
    public Task<PlanPublishedDto> PublishAsync(string planId, byte[] catalogJson, CancellationToken cancellation = default)
    {
        var content = new ByteArrayContent(catalogJson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return api.SendContentAsync<PlanPublishedDto>(ApiRoutes.PublishPlan, [planId], null, content, cancellation);
    }
}
