namespace Gulou.Events.Contracts.Institutions;

public sealed record InstitutionDto(
    Guid Id,
    string Name,
    InstitutionKind Kind,
    Role Role,
    string? UnitCode,
    IReadOnlyList<string> LeadsMeasures,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<KeySummary> Keys,
    long Version,
    IReadOnlyList<SchoolStage>? SchoolStages = null);

/// <summary>What is known of a key after it was issued: never the key itself.</summary>
public sealed record KeySummary(Guid KeyId, string? Label, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);

/// <summary>Answer to issuing a key. <see cref="Key"/> is shown here once and never again.</summary>
public sealed record IssuedKey(Guid KeyId, Guid InstitutionId, string Key, string? Label, DateTimeOffset IssuedAt);
