using Gulou.Events.Api.Infrastructure.Security;
using Marten;

namespace Gulou.Events.Api.Cities;

/// <summary>City auditors' keys as the inline snapshots of their streams hold them, in the main database.</summary>
public sealed class CityKeyStore(IDocumentStore store) : ICityKeyStore
{
    public async Task<StoredCityKey?> FindAsync(string secretHash, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var key = await session.Query<CityKeyRecord>().Where(k => k.SecretHash == secretHash).FirstOrDefaultAsync(cancellation);
        return key is null ? null : new StoredCityKey(key.Id, key.SecretHash, key.City, key.RevokedAt is not null);
    }
}
