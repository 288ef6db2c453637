namespace Gulou.Events.Contracts.Activities;

/// <summary>
/// Body of <c>POST /api/v1/activities</c>. <see cref="MeasureCodes"/> defaults to the kind's measures.
/// <see cref="HostInstitutionId"/> names the registered institution where it took place (the lab that opened) when that
/// is not the reporter.
/// </summary>
public sealed record ReportActivity(
    string ExternalRef,
    string Kind,
    string Title,
    DateOnly? OccurredOn,
    IReadOnlyList<string>? MeasureCodes = null,
    DateOnly? EndsOn = null,
    string? Venue = null,
    string? Community = null,
    AudienceCounts? Attendance = null,
    decimal? VolunteerHours = null,
    Guid? HostInstitutionId = null);

/// <summary>Body of <c>POST /api/v1/activities/{id}/attendance</c>: person-times to add.</summary>
public sealed record RecordAttendance(
    long? ExpectedVersion,
    int? Youth = null,
    int? Workers = null,
    int? Elderly = null,
    int? Cadres = null,
    int? Public = null,
    decimal? VolunteerHours = null);

/// <summary>Body of <c>POST /api/v1/activities/{id}/evidence</c>.</summary>
/// <param name="Sha256">The SHA-256 of the file at <paramref name="Uri"/>, when there is one (64 hexadecimal digits).</param>
/// <param name="ContainsMinors">Whether the evidence shows children under 14 (sensitive personal information, PIPL
/// Art. 28): then only units, auditors and administrators see its address and description. Required for photos and videos.</param>
/// <param name="ExpiresOn">The last day the evidence is kept (not before the activity's date); after it, its address and
/// description are no longer shown and the retention schedule records its expiry.</param>
public sealed record AttachEvidence(
    long? ExpectedVersion,
    EvidenceKind? Kind,
    string Uri,
    string? Description = null,
    string? Sha256 = null,
    bool? ContainsMinors = null,
    DateOnly? ExpiresOn = null);

/// <summary>
/// Body of <c>POST /api/v1/activities/{id}/corrections</c>. Fields left out (or null) stay as they are;
/// an empty <see cref="Venue"/> or <see cref="Community"/> clears it, and so does the empty id
/// (<c>00000000-0000-0000-0000-000000000000</c>) for <see cref="HostInstitutionId"/>. <see cref="Attendance"/> replaces the totals.
/// </summary>
public sealed record CorrectActivity(
    long? ExpectedVersion,
    string? Kind = null,
    IReadOnlyList<string>? MeasureCodes = null,
    string? Title = null,
    DateOnly? OccurredOn = null,
    DateOnly? EndsOn = null,
    string? Venue = null,
    string? Community = null,
    AudienceCounts? Attendance = null,
    decimal? VolunteerHours = null,
    Guid? HostInstitutionId = null);

/// <summary>Body of <c>POST /api/v1/activities/{id}/retraction</c>.</summary>
public sealed record RetractActivity(long? ExpectedVersion, string Reason);
