using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Marten;
using Marten.Storage;
using Npgsql;

namespace Gulou.Events.Api.Institutions;

/// <summary>The keys as the inline snapshots of their streams hold them, in every database of the pool.</summary>
public sealed class ApiKeyStore(IDocumentStore store) : IApiKeyStore
{
    public async Task<IReadOnlyList<StoredKey>> LoadAllAsync(IMartenDatabase database, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(Marten.Services.SessionOptions.ForDatabase(database));
        var keys = await session.Query<ApiKeyRecord>().Where(k => k.AnyTenant()).ToListAsync(cancellation);
        return keys.Select(k => k.ToStoredKey()).ToList();
    }

    public async Task<StoredKey?> FindAsync(IMartenDatabase database, Guid keyId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(Marten.Services.SessionOptions.ForDatabase(database));
        var key = await session.Query<ApiKeyRecord>().Where(k => k.AnyTenant() && k.Id == keyId).FirstOrDefaultAsync(cancellation);
        return key?.ToStoredKey();
    }

    public async Task<FoundKey?> FindAsync(string secretHash, CancellationToken cancellation) =>
        await ApiKeyLookup.FindAsync(store, secretHash, cancellation) is { } found
            ? new FoundKey(found.Database, found.Key.ToStoredKey())
            : null;
}

public static class ApiKeyLookup
{
    /// <summary>
    /// The key with this hash in any database of the pool, with the database it was found in. A database that does
    /// not answer fails the lookup only when no other database holds the key.
    /// </summary>
    public static async Task<(string Database, ApiKeyRecord Key)?> FindAsync(IDocumentStore store, string secretHash, CancellationToken cancellation)
    {
        var databases = await store.Storage.AllDatabases();
        var lookups = databases.Select(async database =>
        {
            await using var session = store.QuerySession(Marten.Services.SessionOptions.ForDatabase(database));
            var key = await session.Query<ApiKeyRecord>().Where(k => k.AnyTenant() && k.SecretHash == secretHash).FirstOrDefaultAsync(cancellation);
            return (Database: DistrictTenancy.NameOf(database), Key: key);
        }).ToList();

        try
        {
            await Task.WhenAll(lookups);
        }
        catch (NpgsqlException) when (lookups.Any(l => l.IsCompletedSuccessfully && l.Result.Key is not null))
        {
        }

        return lookups.Where(l => l.IsCompletedSuccessfully && l.Result.Key is not null).Select(l => ((string, ApiKeyRecord)?)(l.Result.Database, l.Result.Key!)).FirstOrDefault();
    }
}
