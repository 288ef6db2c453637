using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Client.Resources;

/// <summary>The administrator's projection operations: status, background rebuilds and verifications.</summary>
public sealed class ProjectionsClient(ApiConnection api)
{
    public Task<ProjectionsOverview> GetAsync(CancellationToken cancellation = default) =>
        api.SendAsync<ProjectionsOverview>(ApiRoutes.GetProjections, [], null, null, cancellation);

    public Task<ProjectionOperationDto> RebuildAsync(string? projection = null, CancellationToken cancellation = default) =>
        api.SendAsync<ProjectionOperationDto>(ApiRoutes.RebuildProjection, [], new Query().Add("projection", projection), null, cancellation);

    public Task<ProjectionOperationDto> VerifyAsync(CancellationToken cancellation = default) =>
        api.SendAsync<ProjectionOperationDto>(ApiRoutes.VerifyProjections, [], null, null, cancellation);

    public Task<ProjectionOperationDto> GetOperationAsync(Guid id, CancellationToken cancellation = default) =>
        api.SendAsync<ProjectionOperationDto>(ApiRoutes.GetProjectionOperation, [id], null, null, cancellation);
}
