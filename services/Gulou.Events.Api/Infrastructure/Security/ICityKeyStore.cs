namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>What authentication needs to know of a city auditor's key.</summary>
public sealed record StoredCityKey(Guid KeyId, string SecretHash, string City, bool Revoked);

/// <summary>
/// Where city auditors' keys are kept (the main database, beside no district's data). Implemented by the slice that
/// issues and revokes them. Asked only for a key no district holds, and never cached: a revocation holds at once.
/// </summary>
public interface ICityKeyStore
{
    Task<StoredCityKey?> FindAsync(string secretHash, CancellationToken cancellation);
}
