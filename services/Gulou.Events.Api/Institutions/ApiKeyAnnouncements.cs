using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Institutions;
using JasperFx.Events;
using Marten;
using Marten.Services;

namespace Gulou.Events.Api.Institutions;

/// <summary>
/// Announces every key issued or revoked, whoever appends it: a NOTIFY queued in the same transaction (so every node
/// hears of it when, and only if, it commits) and, on this node, an invalidation right after the commit.
/// </summary>
public sealed class ApiKeyAnnouncements(ApiKeyCache cache, string schema) : DocumentSessionListenerBase
{
    private readonly string _channel = ApiKeyCache.ChannelFor(schema);

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var keyId in Changed(session.PendingChanges.Streams().SelectMany(s => s.Events)))
        {
            session.QueueSqlCommand("select pg_notify(?, ?)", _channel, keyId.ToString());
        }

        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var keyId in Changed(commit.GetEvents()))
        {
            cache.Invalidate(keyId);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<Guid> Changed(IEnumerable<IEvent> events) => events.Select(e => e.Data switch
    {
        ApiKeyIssued issued => issued.KeyId,
        ApiKeyRevoked revoked => revoked.KeyId,
        _ => Guid.Empty,
    }).Where(id => id != Guid.Empty).Distinct();
}
