using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Projections.Status;

public static class GetProjectionsEndpoint
{
    /// <summary>
    /// Each projection's position in the event log of the caller's database against its high-water mark, its state, and
    /// the district's recent rebuilds and verifications.
    /// </summary>
    [WolverineGet("/api/v1/admin/projections", OperationId = "GetProjections")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<ProjectionsOverview> Get(
        Caller caller, IDocumentStore store, DistrictDatabases databases, ProjectionOperations operations, LocalDaemon local, CancellationToken cancellation)
    {
        var shards = await store.Advanced.AllProjectionProgress(caller.TenantId, cancellation);
        var highWater = shards.FirstOrDefault(s => s.ShardName == "HighWaterMark")?.Sequence ?? 0;
        var recent = await operations.RecentAsync(caller.TenantId, 10, cancellation);
        var database = DistrictTenancy.NameOf(await databases.OfAsync(caller.TenantId));
        var daemon = await local.RunningAsync(database);
        var rebuilding = await operations.RebuildingAsync(database, Progress.ProgressProjection.Name, cancellation);

        var statuses = ((StoreOptions)store.Options).Projections.AllProjectionNames().Select(n => n.Trim('\'')).Order(StringComparer.Ordinal).Select(name =>
        {
            if (!ProjectionOperations.Rebuildable.Contains(name))
            {
                return new ProjectionStatus(name, "inline", "inline", highWater, highWater, 1);
            }

            var shard = $"{name}:All";
            var position = shards.FirstOrDefault(s => s.ShardName == shard)?.Sequence ?? 0;
            var state = rebuilding ? "rebuilding"
                : daemon is not null ? daemon.StatusFor(shard).ToString().ToLowerInvariant()
                : "on_another_node";
            return new ProjectionStatus(name, "async", state, position, highWater, highWater == 0 ? 1 : Math.Min(1, Math.Round((decimal)position / highWater, 4)));
        }).ToList();

        return new ProjectionsOverview(highWater, statuses, recent.Select(o => o.ToDto()).ToList());
    }
}
