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

/// <summary>A piece of evidence as the caller may see it.</summary>
/// <param name="Uri">Its address; null when it is withheld from the caller (it shows children under 14 and the caller is a
/// partner) or it has expired.</param>
/// <param name="Description">As <paramref name="Uri"/>.</param>
/// <param name="ContainsMinors">It shows children under 14 (sensitive personal information).</param>
/// <param name="ExpiresOn">The last day it is kept, when it has one.</param>
/// <param name="Expired">True once the day after <paramref name="ExpiresOn"/> has come: its address and description are gone for everyone.</param>
public sealed record EvidenceDto(
    Guid Id,
    EvidenceKind Kind,
    string? Uri,
    string? Description,
    string? Sha256,
    DateTimeOffset AttachedAt,
    bool ContainsMinors = false,
    DateOnly? ExpiresOn = null,
    bool Expired = false);

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
