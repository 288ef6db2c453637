using Gulou.Events.Contracts.Plan;
using Marten;
using Marten.Services;

namespace Gulou.Events.Api.Plan;

/// <summary>
/// Announces every publication of a plan, whoever appends it: a NOTIFY queued in the same transaction (so every node's
/// plan book hears of it when, and only if, it commits) and, on this node, the district's plans forgotten right after
/// the commit.
/// </summary>
public sealed class PlanAnnouncements(DistrictPlanBook book) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Publishes(session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Data)))
        {
            session.QueueSqlCommand("select pg_notify(?, ?)", book.Channel, session.TenantId);
        }

        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (Publishes(commit.GetEvents().Select(e => e.Data)))
        {
            book.Forget(session.TenantId);
        }

        return Task.CompletedTask;
    }

    private static bool Publishes(IEnumerable<object> events) => events.Any(e => e is PlanCatalogPublished);
}
