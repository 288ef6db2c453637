using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>
/// Every issued key in memory, so that a request is authenticated without a query. The entries of a database are
/// trusted only while its listener (<see cref="ApiKeyListener"/>) confirms, at least once every <see cref="Staleness"/>,
/// that every change committed there before the confirmation has been heard: a key issued or revoked on any node is
/// announced with PostgreSQL's NOTIFY in the transaction that changes it and invalidated here when that arrives. When a
/// database's listener falls silent its keys are looked up in the database again, so a revoked key never works longer
/// than <see cref="Staleness"/> after its revocation was acknowledged. A lookup that began before an invalidation of the
/// key it read never caches what it read.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    /// <summary>How old a database's last confirmation may be for its entries to be used.</summary>
    public static readonly TimeSpan Staleness = IHearsChanges.Staleness;

    /// <summary>Invalidations are remembered this long, far longer than any lookup they must keep from caching.</summary>
    private static readonly TimeSpan InvalidationMemory = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FoundKey> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _hashes = [];
    private readonly Dictionary<Guid, (long Stamp, long At)> _invalidated = [];
    private readonly Confirmations _confirmations = new(clock);
    private long _stamp;

    /// <summary>The channel keys are announced on in a database: one per schema, so services sharing a database do not mix.</summary>
    public static string ChannelFor(string schema) => $"gulou_api_keys_{schema}";

    /// <summary>The key with this hash: from memory when its database is confirmed, otherwise from <paramref name="store"/>.</summary>
    public async ValueTask<FoundKey?> FindAsync(string secretHash, IApiKeyStore store, CancellationToken cancellation)
    {
        lock (_lock)
        {
            if (_byHash.TryGetValue(secretHash, out var known) && IsTrusted(known.Database))
            {
                return known;
            }
        }

        var since = Begin();
        var found = await store.FindAsync(secretHash, cancellation).ConfigureAwait(false);
        if (found is not null)
        {
            Put(found.Database, found.Key, since);
        }

        return found;
    }

    /// <summary>Taken before reading keys from a database; what was read is cached only if no invalidation of it came later.</summary>
    public long Begin()
    {
        lock (_lock)
        {
            return _stamp;
        }
    }

    /// <summary>A key changed: forget it until it is read again.</summary>
    public void Invalidate(Guid keyId)
    {
        lock (_lock)
        {
            _invalidated[keyId] = (++_stamp, clock.GetTimestamp());
            if (_hashes.Remove(keyId, out var hash))
            {
                _byHash.Remove(hash);
            }
        }
    }

    public void Put(string database, StoredKey key, long since)
    {
        lock (_lock)
        {
            PutLocked(database, key, since);
        }
    }

    /// <summary>A full read of one database's keys: what it holds replaces what was cached of it.</summary>
    public void Replace(string database, IReadOnlyList<StoredKey> keys, long since)
    {
        lock (_lock)
        {
            var current = keys.Select(k => k.KeyId).ToHashSet();
            var gone = _byHash.Values.Where(f => f.Database == database && !current.Contains(f.Key.KeyId)).ToList();
            foreach (var entry in gone)
            {
                _byHash.Remove(entry.Key.SecretHash);
                _hashes.Remove(entry.Key.KeyId);
            }

            foreach (var key in keys)
            {
                PutLocked(database, key, since);
            }

            foreach (var old in _invalidated.Where(i => clock.GetElapsedTime(i.Value.At) > InvalidationMemory).Select(i => i.Key).ToList())
            {
                _invalidated.Remove(old);
            }
        }
    }

    /// <summary>Every change committed in <paramref name="database"/> before <paramref name="timestamp"/> has been heard.</summary>
    public void Confirm(string database, long timestamp) => _confirmations.Confirm(database, timestamp);

    /// <summary>The database's listener lost its connection: its keys are read from it again until it is back.</summary>
    public void Distrust(string database) => _confirmations.Distrust(database);

    public long Timestamp() => clock.GetTimestamp();

    private bool IsTrusted(string database) => _confirmations.IsTrusted(database);

    private void PutLocked(string database, StoredKey key, long since)
    {
        if (_invalidated.TryGetValue(key.KeyId, out var invalidated) && invalidated.Stamp > since)
        {
            return;
        }

        if (_byHash.TryGetValue(key.SecretHash, out var cached) && cached.Key.Version > key.Version)
        {
            return;
        }

        _byHash[key.SecretHash] = new FoundKey(database, key);
        _hashes[key.KeyId] = key.SecretHash;
    }
}
