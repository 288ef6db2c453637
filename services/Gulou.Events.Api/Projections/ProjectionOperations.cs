using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Progress;
using Gulou.Events.Contracts;
using Marten;

namespace Gulou.Events.Api.Projections;

/// <summary>
/// Rebuilds and verifications asked for over the API. A verification replays the caller's district; a rebuild
/// rebuilds the projection in the caller's database, for every district there, so one runs at a time per database.
/// They are kept in the main database's default tenant, each visible to its own district only.
/// </summary>
public sealed class ProjectionOperations(IDocumentStore store, DistrictDatabases databases, TimeProvider clock)
{
    /// <summary>The projections that can be rebuilt while the service runs. Inline snapshots are rebuilt offline (<c>projections rebuild</c>).</summary>
    public static readonly IReadOnlyList<string> Rebuildable = [ProgressProjection.Name];

    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(30);

    public async Task<ProjectionOperation> RequestAsync(OperationKind kind, string projection, Caller caller, CancellationToken cancellation)
    {
        var database = DistrictTenancy.NameOf(await databases.OfAsync(caller.TenantId));
        await using var session = store.LightweightSession();
        await FailAbandonedAsync(session, cancellation);
        if (await session.Query<ProjectionOperation>().AnyAsync(o => o.Database == database && (o.State == OperationState.Requested || o.State == OperationState.Running), cancellation))
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, "Another rebuild or verification is under way; see GET /api/v1/admin/projections.");
        }

        var operation = new ProjectionOperation
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Projection = projection,
            District = caller.TenantId,
            Database = database,
            State = OperationState.Requested,
            RequestedBy = caller.InstitutionId,
            RequestedAt = clock.GetUtcNow(),
        };
        session.Store(operation);
        await session.SaveChangesAsync(cancellation);
        return operation;
    }

    /// <summary>Operations whose node stopped while running them (a crash, a restart) are failed, so they block nothing.</summary>
    private async Task FailAbandonedAsync(IDocumentSession session, CancellationToken cancellation)
    {
        var stale = clock.GetUtcNow() - HeartbeatTimeout;
        var abandoned = await session.Query<ProjectionOperation>()
            .Where(o => o.State == OperationState.Running && o.HeartbeatAt < stale)
            .ToListAsync(cancellation);
        foreach (var operation in abandoned)
        {
            operation.State = OperationState.Failed;
            operation.Error = "Abandoned: the node running it stopped.";
            operation.FinishedAt = clock.GetUtcNow();
            session.Store(operation);
        }
    }

    public async Task<IReadOnlyList<ProjectionOperation>> RecentAsync(string district, int count, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<ProjectionOperation>().Where(o => o.District == district).OrderByDescending(o => o.RequestedAt).Take(count).ToListAsync(cancellation);
    }

    /// <summary>Whether a rebuild of <paramref name="projection"/> runs in <paramref name="database"/>, whoever asked for it.</summary>
    public async Task<bool> RebuildingAsync(string database, string projection, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<ProjectionOperation>().AnyAsync(
            o => o.Database == database && o.Projection == projection && o.Kind == OperationKind.Rebuild && o.State == OperationState.Running, cancellation);
    }

    public async Task<ProjectionOperation?> FindAsync(Guid id, string district, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ProjectionOperation>(id, cancellation) is { } operation && operation.District == district ? operation : null;
    }
}
