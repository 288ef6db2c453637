using Gulou.Events.Contracts;
using Marten;
using Marten.Storage;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>What authentication needs to know of an issued key. <see cref="Version"/> grows with every change to the key.</summary>
public sealed record StoredKey(Guid KeyId, string SecretHash, string TenantId, Guid InstitutionId, Role Role, bool Revoked, long Version);

/// <summary>A key as found in one database of the pool.</summary>
public sealed record FoundKey(string Database, StoredKey Key);

/// <summary>Where issued keys are kept. Implemented by the slice that issues and revokes them.</summary>
public interface IApiKeyStore
{
    /// <summary>Every key held in one database, of every district there.</summary>
    Task<IReadOnlyList<StoredKey>> LoadAllAsync(IMartenDatabase database, CancellationToken cancellation);

    /// <summary>One key of one database by its id, or null when that database holds none.</summary>
    Task<StoredKey?> FindAsync(IMartenDatabase database, Guid keyId, CancellationToken cancellation);

    /// <summary>The key with this hash, in whichever database holds it: the key tells the district.</summary>
    Task<FoundKey?> FindAsync(string secretHash, CancellationToken cancellation);
}
