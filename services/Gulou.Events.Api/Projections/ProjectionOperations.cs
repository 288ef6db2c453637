using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Progress;
using Gulou.Events.Contracts;
using Marten;

namespace Gulou.Events.Api.Projections;

/// <summary>
/// Rebuilds and verifications asked for over the API. They concern the whole deployment (every district's
/// documents), so they are kept in the default tenant, one at a time.
/// </summary>
public sealed class ProjectionOperations(IDocumentStore store, TimeProvider clock)
{
    /// <summary>The projections that can be rebuilt while the service runs. Inline snapshots are rebuilt offline (<c>projections rebuild</c>).</summary>
    public static readonly IReadOnlyList<string> Rebuildable = [ProgressProjection.Name];

    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(30);

    public async Task<ProjectionOperation> RequestAsync(OperationKind kind, string projection, Guid requestedBy, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        await FailAbandonedAsync(session, cancellation);
        if (await session.Query<ProjectionOperation>().AnyAsync(o => o.State == OperationState.Requested || o.State == OperationState.Running, cancellation))
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, "Another rebuild or verification is under way; see GET /api/v1/admin/projections.");
        }

        var operation = new ProjectionOperation
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Projection = projection,
            State = OperationState.Requested,
            RequestedBy = requestedBy,
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

    public async Task<IReadOnlyList<ProjectionOperation>> RecentAsync(int count, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<ProjectionOperation>().OrderByDescending(o => o.RequestedAt).Take(count).ToListAsync(cancellation);
    }

    public async Task<ProjectionOperation?> FindAsync(Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ProjectionOperation>(id, cancellation);
    }
}
