namespace Gulou.Events.Contracts.Activities;

public sealed record ActivityDto(
    Guid Id,
    Guid InstitutionId,
    string ExternalRef,
    string Kind,
    IReadOnlyList<string> MeasureCodes,
    string Title,
    DateOnly OccurredOn,
    DateOnly? EndsOn,
    string? Venue,
    string? Community,
    AudienceCounts Attendance,
    decimal VolunteerHours,
    ActivityStatus Status,
    IReadOnlyList<EvidenceDto> Evidence,
    VerificationDto? Verification,
    string ContentHash,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    long Version);

public sealed record EvidenceDto(Guid Id, EvidenceKind Kind, string Uri, string? Description, string? Sha256, DateTimeOffset AttachedAt);

public sealed record VerificationDto(VerificationDecision Decision, Guid UnitId, string? Reason, DateTimeOffset DecidedAt);

/// <summary>One event of an activity's stream, with who recorded it, when, and under which correlation id.</summary>
/// <param name="Late">Recorded after the year the activity counted in (before or after this event) was closed.</param>
public sealed record ActivityHistoryEntry(
    long Version,
    long Sequence,
    string Type,
    object Data,
    DateTimeOffset RecordedAt,
    Guid? KeyId,
    Guid? InstitutionId,
    string? CorrelationId,
    bool Late = false);
