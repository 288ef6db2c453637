using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Projections.Status;

public static class GetProjectionsEndpoint
{
    /// <summary>Each projection's position in the event log against the high-water mark, its state, and the recent rebuilds and verifications.</summary>
    [WolverineGet("/api/v1/admin/projections", OperationId = "GetProjections")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<ProjectionsOverview> Get(IDocumentStore store, ProjectionOperations operations, LocalDaemon local, CancellationToken cancellation)
    {
        var shards = await store.Advanced.AllProjectionProgress(token: cancellation);
        var highWater = shards.FirstOrDefault(s => s.ShardName == "HighWaterMark")?.Sequence ?? 0;
        var recent = await operations.RecentAsync(10, cancellation);
        var daemon = local.Running;

        var statuses = ((StoreOptions)store.Options).Projections.AllProjectionNames().Select(n => n.Trim('\'')).Order(StringComparer.Ordinal).Select(name =>
        {
            if (!ProjectionOperations.Rebuildable.Contains(name))
            {
                return new ProjectionStatus(name, "inline", "inline", highWater, highWater, 1);
            }

            var shard = $"{name}:All";
            var position = shards.FirstOrDefault(s => s.ShardName == shard)?.Sequence ?? 0;
            var state = recent.Any(o => o.Projection == name && o.State == OperationState.Running) ? "rebuilding"
                : daemon is not null ? daemon.StatusFor(shard).ToString().ToLowerInvariant()
                : "on_another_node";
            return new ProjectionStatus(name, "async", state, position, highWater, highWater == 0 ? 1 : Math.Min(1, Math.Round((decimal)position / highWater, 4)));
        }).ToList();

        return new ProjectionsOverview(highWater, statuses, recent.Select(o => o.ToDto()).ToList());
    }
}
