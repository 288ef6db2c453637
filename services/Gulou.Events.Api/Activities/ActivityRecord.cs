using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using JasperFx.Events;

namespace Gulou.Events.Api.Activities;

/// <summary>
/// An activity as it stands: the inline snapshot of its stream, read by decisions and by the activity
/// routes. Apply methods run only inside Marten's projection; decisions never change this object.
/// </summary>
public sealed class ActivityRecord : IRecord<ActivityRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<ActivityReported>("activity_reported"),
        RecordEvent.Of<AttendanceRecorded>("attendance_recorded"),
        RecordEvent.Of<EvidenceAttached>("evidence_attached"),
        RecordEvent.Of<ActivityCorrected>("activity_corrected"),
        RecordEvent.Of<ActivityRetracted>("activity_retracted"),
        RecordEvent.Of<ActivityVerified>("activity_verified"),
        RecordEvent.Of<ActivityRejected>("activity_rejected"),
        RecordEvent.Of<ActivityHeldForReview>("activity_held_for_review"),
        RecordEvent.Of<EvidenceExpired>("evidence_expired"),
    ];

    public Guid Id { get; set; }

    public Guid InstitutionId { get; set; }

    public string ExternalRef { get; set; } = "";

    public string Kind { get; set; } = "";

    public IReadOnlyList<string> MeasureCodes { get; set; } = [];

    public string Title { get; set; } = "";

    public DateOnly OccurredOn { get; set; }

    /// <summary>The year the activity counts toward: the year it happened, not the year it was recorded.</summary>
    public int Year { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? Venue { get; set; }

    public string? Community { get; set; }

    /// <summary>Where the activity took place (the lab that opened), when that is not the reporter.</summary>
    public Guid? HostInstitutionId { get; set; }

    public AudienceCounts Attendance { get; set; } = AudienceCounts.None;

    public decimal VolunteerHours { get; set; }

    public ActivityStatus Status { get; set; }

    /// <summary>The evidence as recorded: address and description included until it expires. Shown through <see cref="EvidenceAudience"/>.</summary>
    public List<EvidenceDto> Evidence { get; set; } = [];

    /// <summary>The earliest <c>expiresOn</c> of the evidence not yet expired, for the retention schedule to find.</summary>
    public DateOnly? NextEvidenceExpiry { get; set; }

    public VerificationDto? Verification { get; set; }

    public string ContentHash { get; set; } = "";

    public DateTimeOffset ReportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public bool IsClosed => Status == ActivityStatus.Retracted;

    public static ActivityRecord Create(IEvent<ActivityReported> e) => new()
    {
        Id = e.Data.ActivityId,
        InstitutionId = e.Data.InstitutionId,
        ExternalRef = e.Data.ExternalRef,
        Kind = e.Data.Kind,
        MeasureCodes = e.Data.MeasureCodes,
        Title = e.Data.Title,
        OccurredOn = e.Data.OccurredOn,
        Year = e.Data.OccurredOn.Year,
        EndsOn = e.Data.EndsOn,
        Venue = e.Data.Venue,
        Community = e.Data.Community,
        Attendance = e.Data.Attendance,
        VolunteerHours = e.Data.VolunteerHours,
        HostInstitutionId = e.Data.HostInstitutionId,
        Status = ActivityStatus.Reported,
        ContentHash = e.Data.ContentHash,
        ReportedAt = e.Timestamp,
        UpdatedAt = e.Timestamp,
    };

    public void Apply(IEvent<AttendanceRecorded> e)
    {
        Attendance = Attendance.Plus(e.Data.Added);
        VolunteerHours += e.Data.VolunteerHoursAdded;
        Amended(figuresChanged: true);
        UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<EvidenceAttached> e)
    {
        Evidence.Add(new EvidenceDto(e.Data.EvidenceId, e.Data.Kind, e.Data.Uri, e.Data.Description, e.Data.Sha256, e.Timestamp, e.Data.ContainsMinors, e.Data.ExpiresOn));
        NextEvidenceExpiry = NextExpiry();
        Amended(figuresChanged: false);
        UpdatedAt = e.Timestamp;
    }

    /// <summary>The evidence's address and description are dropped from the record; it is not an amendment.</summary>
    public void Apply(IEvent<EvidenceExpired> e)
    {
        var index = Evidence.FindIndex(x => x.Id == e.Data.EvidenceId);
        if (index >= 0)
        {
            Evidence[index] = Evidence[index] with { Uri = null, Description = null, Expired = true };
        }

        NextEvidenceExpiry = NextExpiry();
        UpdatedAt = e.Timestamp;
    }

    private DateOnly? NextExpiry() => Evidence.Where(x => !x.Expired && x.ExpiresOn is not null).Min(x => x.ExpiresOn);

    public void Apply(IEvent<ActivityCorrected> e)
    {
        Kind = e.Data.Kind;
        MeasureCodes = e.Data.MeasureCodes;
        Title = e.Data.Title;
        OccurredOn = e.Data.OccurredOn;
        Year = e.Data.OccurredOn.Year;
        EndsOn = e.Data.EndsOn;
        Venue = e.Data.Venue;
        Community = e.Data.Community;
        Attendance = e.Data.Attendance;
        VolunteerHours = e.Data.VolunteerHours;
        HostInstitutionId = e.Data.HostInstitutionId;
        Amended(figuresChanged: true);
        UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<ActivityHeldForReview> e)
    {
        Status = ActivityStatus.NeedsReview;
        UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<ActivityVerified> e)
    {
        Status = ActivityStatus.Verified;
        Verification = new VerificationDto(VerificationDecision.Verified, e.Data.UnitId, e.Data.Note, e.Timestamp, e.Data.UnitCode);
        UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<ActivityRejected> e)
    {
        Status = ActivityStatus.Rejected;
        Verification = new VerificationDto(VerificationDecision.Rejected, e.Data.UnitId, e.Data.Reason, e.Timestamp, e.Data.UnitCode, e.Data.ReasonCode, e.Data.DuplicateOf);
        UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<ActivityRetracted> e)
    {
        Status = ActivityStatus.Retracted;
        UpdatedAt = e.Timestamp;
    }

    /// <summary>
    /// The reporter amended the activity. A rejection stands until a unit decides again: any amendment (evidence
    /// included) makes a rejected activity resubmitted, still out of the figures. Changed figures are not the figures a
    /// unit verified: a verified activity goes back to reported, official but no longer verified. Evidence leaves a
    /// verification standing, since the figures it verified did not change.
    /// </summary>
    private void Amended(bool figuresChanged)
    {
        if (Status == ActivityStatus.Rejected)
        {
            Status = ActivityStatus.Resubmitted;
        }
        else if (Status == ActivityStatus.Verified && figuresChanged)
        {
            Status = ActivityStatus.Reported;
            Verification = null;
        }
    }

    public ActivityDto ToDto(EvidenceAudience audience) => new(
        Id, InstitutionId, ExternalRef, Kind, MeasureCodes, Title, OccurredOn, EndsOn, Venue, Community,
        Attendance, VolunteerHours, Status, Evidence.Select(audience.Show).ToList(), Verification, ContentHash, ReportedAt, UpdatedAt, Version, HostInstitutionId);
}
