using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using JasperFx.Events;

namespace Gulou.Events.Api.Institutions;

/// <summary>An issued key: its hash, whose it is, and whether it is revoked. Inline snapshot of the key's stream.</summary>
public sealed class ApiKeyRecord : IRecord<ApiKeyRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<ApiKeyIssued>("api_key_issued"),
        RecordEvent.Of<ApiKeyRevoked>("api_key_revoked"),
    ];

    public Guid Id { get; set; }

    /// <summary>The district the key belongs to; keys are looked up across districts by their hash.</summary>
    public string TenantId { get; set; } = "";

    public Guid InstitutionId { get; set; }

    public Role Role { get; set; }

    public string SecretHash { get; set; } = "";

    public string? Label { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public long Version { get; set; }

    public static ApiKeyRecord Create(IEvent<ApiKeyIssued> e) => new()
    {
        Id = e.Data.KeyId,
        TenantId = e.TenantId,
        InstitutionId = e.Data.InstitutionId,
        Role = e.Data.Role,
        SecretHash = e.Data.SecretHash,
        Label = e.Data.Label,
        IssuedAt = e.Timestamp,
    };

    public void Apply(IEvent<ApiKeyRevoked> e) => RevokedAt = e.Timestamp;

    public StoredKey ToStoredKey() => new(Id, SecretHash, TenantId, InstitutionId, Role, RevokedAt is not null, Version);
}
