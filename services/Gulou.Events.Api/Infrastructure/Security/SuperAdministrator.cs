using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>
/// The holder of <c>Gulou:SuperAdminKey</c>: creates and lists districts and reads nothing of theirs. Its identity
/// carries no district, so every route that works on a district's data refuses it (403).
/// </summary>
public sealed class SuperAdministrator(GulouSettings settings)
{
    /// <summary>Stands for the super-administrator wherever a key id is recorded (rate limits, logs).</summary>
    public static readonly Guid KeyId = DeterministicGuid.Create("super-administrator");

    private readonly byte[]? _hash = settings.SuperAdminKey is { } key ? Encoding.ASCII.GetBytes(ApiKeys.Hash(key)) : null;

    public bool Holds(string keyHash) => _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, Encoding.ASCII.GetBytes(keyHash));

    public Claim[] Claims() =>
    [
        new(ClaimTypes.NameIdentifier, KeyId.ToString()),
        new(ClaimTypes.Role, AccessRoles.SuperAdmin),
        new(GulouClaims.KeyId, KeyId.ToString()),
    ];
}
