namespace Gulou.Events.Contracts.Activities;

/// <param name="HostInstitutionId">Where the activity took place, when that is not the reporter.</param>
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
    long Version,
    Guid? HostInstitutionId = null);

public sealed record EvidenceDto(Guid Id, EvidenceKind Kind, string Uri, string? Description, string? Sha256, DateTimeOffset AttachedAt);

/// <summary>
/// The latest decision of a unit. While the activity is <c>resubmitted</c> it is the rejection the amendment answers;
/// <paramref name="UnitCode"/> is the deciding unit's code in the plan (absent on decisions recorded before codes were kept).
/// </summary>
public sealed record VerificationDto(
    VerificationDecision Decision,
    Guid UnitId,
    string? Reason,
    DateTimeOffset DecidedAt,
    string? UnitCode = null,
    RejectionReason? ReasonCode = null,
    Guid? DuplicateOf = null);

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
