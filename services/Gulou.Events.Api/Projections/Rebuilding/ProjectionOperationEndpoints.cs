using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Projections.Rebuilding;

public static class ProjectionOperationEndpoints
{
    /// <summary>
    /// Rebuilds a projection from the event log in the background (the service keeps answering), in the database the
    /// caller's district lives in. Follow it with <c>GET /api/v1/admin/projections</c>.
    /// </summary>
    [WolverinePost("/api/v1/admin/projections/rebuild", OperationId = "RebuildProjection")]
    [Refuses(400, ErrorCodes.ValidationFailed, "`projection` names no projection that can be rebuilt while the service runs")]
    [Refuses(409, ErrorCodes.InvalidState, "another rebuild or verification is under way")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<Accepted<ProjectionOperationDto>> Rebuild(string? projection, Caller caller, ProjectionOperations operations, CancellationToken cancellation)
    {
        var name = projection ?? Progress.ProgressProjection.Name;
        if (!ProjectionOperations.Rebuildable.Contains(name))
        {
            throw ProblemException.Invalid("projection",
                $"'{name}' cannot be rebuilt while the service runs; rebuildable: {string.Join(", ", ProjectionOperations.Rebuildable)}. Inline snapshots are rebuilt offline with `projections rebuild`.");
        }

        var operation = await operations.RequestAsync(OperationKind.Rebuild, name, caller, cancellation);
        return TypedResults.Accepted($"/api/v1/admin/projections/operations/{operation.Id}", operation.ToDto());
    }

    /// <summary>
    /// Replays the district's whole log into scratch copies of every projection and compares them document by document
    /// with the live ones, in the background. The operation fails, listing the differences, when any document differs.
    /// </summary>
    [WolverinePost("/api/v1/admin/projections/verify", OperationId = "VerifyProjections")]
    [Refuses(409, ErrorCodes.InvalidState, "another rebuild or verification is under way")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<Accepted<ProjectionOperationDto>> Verify(Caller caller, ProjectionOperations operations, CancellationToken cancellation)
    {
        var operation = await operations.RequestAsync(OperationKind.Verify, "all", caller, cancellation);
        return TypedResults.Accepted($"/api/v1/admin/projections/operations/{operation.Id}", operation.ToDto());
    }

    /// <summary>A rebuild or verification: its state, progress and, for a failed verification, the documents that differ.</summary>
    [WolverineGet("/api/v1/admin/projections/operations/{id}", OperationId = "GetProjectionOperation")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<ProjectionOperationDto> Get(Guid id, Caller caller, ProjectionOperations operations, CancellationToken cancellation) =>
        (await operations.FindAsync(id, caller.TenantId, cancellation) ?? throw ProblemException.NotFound("projection operation", id)).ToDto();
}
