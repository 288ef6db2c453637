namespace Gulou.Events.Contracts.Activities;

/// <summary>A partner institution reported an activity it held.</summary>
/// <param name="ContentHash">SHA-256 of the report as first sent; a resend with the same hash is the same report.</param>
/// <param name="HostInstitutionId">The registered institution where the activity took place (the lab that opened), when
/// it is not the reporter; reports recorded before hosts were kept lack it.</param>
public sealed record ActivityReported(
    Guid ActivityId,
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
    string ContentHash,
    Guid? HostInstitutionId = null);

/// <summary>Person-times (and volunteer hours) were added to an activity's totals.</summary>
public sealed record AttendanceRecorded(Guid ActivityId, AudienceCounts Added, decimal VolunteerHoursAdded);

/// <summary>Evidence (a photo, a sign-in sheet, a link …) was attached to an activity.</summary>
/// <param name="ContainsMinors">It shows children under 14; evidence recorded before the flag was kept lacks it (false).</param>
/// <param name="ExpiresOn">The last day it is kept; evidence recorded before expiries were kept lacks it (kept).</param>
public sealed record EvidenceAttached(
    Guid ActivityId,
    Guid EvidenceId,
    EvidenceKind Kind,
    string Uri,
    string? Description,
    string? Sha256,
    bool ContainsMinors = false,
    DateOnly? ExpiresOn = null);

/// <summary>
/// The retention schedule let a piece of evidence go the day after its <c>expiresOn</c>: its address and description
/// are no longer shown anywhere. Holds no personal data.
/// </summary>
public sealed record EvidenceExpired(Guid ActivityId, Guid EvidenceId, DateOnly ExpiresOn);

/// <summary>
/// The reporting institution corrected its report. The event holds every counted field as it stands
/// after the correction, and names the fields that changed. Corrections recorded before hosts were kept lack
/// <paramref name="HostInstitutionId"/>: no activity had a host then.
/// </summary>
public sealed record ActivityCorrected(
    Guid ActivityId,
    string Kind,
    IReadOnlyList<string> MeasureCodes,
    string Title,
    DateOnly OccurredOn,
    DateOnly? EndsOn,
    string? Venue,
    string? Community,
    AudienceCounts Attendance,
    decimal VolunteerHours,
    IReadOnlyList<string> ChangedFields,
    Guid? HostInstitutionId = null);

/// <summary>The reporting institution withdrew its report; it no longer counts.</summary>
public sealed record ActivityRetracted(Guid ActivityId, string Reason);
