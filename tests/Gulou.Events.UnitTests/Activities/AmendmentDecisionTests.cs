using Gulou.Events.Api.Activities.AttachingEvidence;
using Gulou.Events.Api.Activities.Correcting;
using Gulou.Events.Api.Activities.RecordingAttendance;
using Gulou.Events.Api.Activities.Retracting;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Activities;

public sealed class AmendmentDecisionTests
{
    [Fact]
    public void Attendance_adds_the_person_times_sent()
    {
        var events = RecordAttendanceEndpoint.Decide(new RecordAttendance(1, Youth: 30, Elderly: 2, VolunteerHours: 1.5m), Recorded(), TestPlan.Shipped);

        var recorded = Assert.IsType<AttendanceRecorded>(Assert.Single(events));
        Assert.Equal(new AudienceCounts(Youth: 30, Elderly: 2), recorded.Added);
        Assert.Equal(1.5m, recorded.VolunteerHoursAdded);
    }

    [Fact]
    public void Attendance_that_would_push_a_group_past_its_limit_is_refused()
    {
        var nearlyFull = LabOpenDay() with { Attendance = new AudienceCounts(Youth: 9_999_990) };

        var refusal = Assert.Throws<ProblemException>(() =>
            RecordAttendanceEndpoint.Decide(new RecordAttendance(1, Youth: 11), Recorded(nearlyFull), TestPlan.Shipped));

        Assert.Equal(400, refusal.Status);
    }

    [Fact]
    public void A_retracted_activity_takes_no_attendance_evidence_or_correction()
    {
        var retracted = Recorded(status: ActivityStatus.Retracted);

        Assert.Equal(409, Assert.Throws<ProblemException>(() => RecordAttendanceEndpoint.Decide(new RecordAttendance(1, Youth: 1), retracted, TestPlan.Shipped)).Status);
        Assert.Equal(409, Assert.Throws<ProblemException>(() =>
            AttachEvidenceEndpoint.Decide(new AttachEvidence(1, EvidenceKind.Photo, "https://example.org/p.jpg"), retracted, Guid.NewGuid())).Status);
        Assert.Equal(409, Assert.Throws<ProblemException>(() => CorrectActivityEndpoint.Decide(new CorrectActivity(1, Title: "x"), retracted, TestPlan.Shipped)).Status);
        Assert.Equal(ErrorCodes.InvalidState, Assert.Throws<ProblemException>(() => RetractActivityEndpoint.Decide(new RetractActivity(1, "again"), retracted)).Code);
    }

    [Fact]
    public void A_correction_replaces_only_the_fields_sent_and_names_them()
    {
        var activity = Recorded();

        var events = CorrectActivityEndpoint.Decide(new CorrectActivity(1, OccurredOn: new DateOnly(2024, 1, 3), Attendance: new AudienceCounts(Youth: 80)), activity, TestPlan.Shipped);

        var corrected = Assert.IsType<ActivityCorrected>(Assert.Single(events));
        Assert.Equal(["occurredOn", "attendance"], corrected.ChangedFields);
        Assert.Equal(new DateOnly(2024, 1, 3), corrected.OccurredOn);
        Assert.Equal(new AudienceCounts(Youth: 80), corrected.Attendance);
        Assert.Equal(activity.Title, corrected.Title);
        Assert.Equal(activity.MeasureCodes, corrected.MeasureCodes);
        Assert.Equal("旗山校区", corrected.Venue);
    }

    [Fact]
    public void An_empty_venue_clears_it()
    {
        var corrected = Assert.IsType<ActivityCorrected>(Assert.Single(CorrectActivityEndpoint.Decide(new CorrectActivity(1, Venue: ""), Recorded(), TestPlan.Shipped)));

        Assert.Null(corrected.Venue);
        Assert.Equal(["venue"], corrected.ChangedFields);
    }

    [Fact]
    public void A_correction_that_changes_nothing_records_nothing()
    {
        var activity = Recorded();

        Assert.Empty(CorrectActivityEndpoint.Decide(new CorrectActivity(1, Title: activity.Title, MeasureCodes: ["ACT-02"]), activity, TestPlan.Shipped));
    }

    [Fact]
    public void A_correction_cannot_leave_the_activity_ending_before_it_began()
    {
        var activity = Recorded(LabOpenDay() with { EndsOn = new DateOnly(2023, 5, 21) });

        var refusal = Assert.Throws<ProblemException>(() => CorrectActivityEndpoint.Decide(new CorrectActivity(1, OccurredOn: new DateOnly(2023, 6, 1)), activity, TestPlan.Shipped));

        Assert.Equal(400, refusal.Status);
        Assert.Contains("endsOn", refusal.Errors!.Keys);
    }

    [Fact]
    public void Attendance_that_takes_the_activity_above_the_ceiling_of_its_kind_holds_it_for_review()
    {
        var ceiling = TestPlan.Shipped.PersonTimesCeiling("lab_open_day")!.Value;
        var activity = Recorded();

        var below = RecordAttendanceEndpoint.Decide(new RecordAttendance(1, Youth: ceiling - activity.Attendance.Total), activity, TestPlan.Shipped);
        var above = RecordAttendanceEndpoint.Decide(new RecordAttendance(1, Youth: ceiling - activity.Attendance.Total + 1), activity, TestPlan.Shipped);

        Assert.IsType<AttendanceRecorded>(Assert.Single(below));
        var hold = Assert.IsType<ActivityHeldForReview>(above[1]);
        Assert.Equal((ceiling + 1, ceiling, "lab_open_day"), (hold.PersonTimes, hold.Ceiling, hold.Kind));
    }

    [Theory]
    [InlineData(ActivityStatus.Reported, true)]
    [InlineData(ActivityStatus.Verified, true)]
    [InlineData(ActivityStatus.NeedsReview, false)]
    [InlineData(ActivityStatus.Rejected, false)]
    [InlineData(ActivityStatus.Resubmitted, false)]
    public void Only_an_activity_that_would_count_is_held_again(ActivityStatus status, bool held)
    {
        var activity = Recorded(status: status);

        var events = CorrectActivityEndpoint.Decide(new CorrectActivity(1, Attendance: new AudienceCounts(Youth: 5_000)), activity, TestPlan.Shipped);

        Assert.Equal(held, events.OfType<ActivityHeldForReview>().Any());
    }

    [Fact]
    public void A_correction_of_the_kind_is_held_against_the_ceiling_of_the_new_kind()
    {
        var activity = Recorded(LabOpenDay() with { Attendance = new AudienceCounts(Youth: 1_500) });

        var toCompetition = CorrectActivityEndpoint.Decide(new CorrectActivity(1, Kind: "competition"), activity, TestPlan.Shipped);
        var toDigitalClass = CorrectActivityEndpoint.Decide(new CorrectActivity(1, Kind: "digital_skills_class"), activity, TestPlan.Shipped);

        Assert.DoesNotContain(toCompetition, e => e is ActivityHeldForReview);
        Assert.Equal(500, Assert.IsType<ActivityHeldForReview>(toDigitalClass[1]).Ceiling);
    }

    [Fact]
    public void A_host_is_corrected_cleared_with_the_empty_id_and_the_reporter_is_no_host()
    {
        var host = Guid.NewGuid();
        var activity = Recorded();

        var set = Assert.IsType<ActivityCorrected>(Assert.Single(CorrectActivityEndpoint.Decide(new CorrectActivity(1, HostInstitutionId: host), activity, TestPlan.Shipped)));
        activity.HostInstitutionId = host;
        var cleared = Assert.IsType<ActivityCorrected>(Assert.Single(CorrectActivityEndpoint.Decide(new CorrectActivity(1, HostInstitutionId: Guid.Empty), activity, TestPlan.Shipped)));
        var self = Assert.IsType<ActivityCorrected>(Assert.Single(CorrectActivityEndpoint.Decide(new CorrectActivity(1, HostInstitutionId: Institution), activity, TestPlan.Shipped)));

        Assert.Equal(host, set.HostInstitutionId);
        Assert.Equal(["hostInstitutionId"], set.ChangedFields);
        Assert.Null(cleared.HostInstitutionId);
        Assert.Null(self.HostInstitutionId);
    }

    [Fact]
    public void Evidence_is_refused_past_the_limit()
    {
        var activity = Recorded();
        for (var i = 0; i < AttachEvidenceEndpoint.MaxEvidencePerActivity; i++)
        {
            activity.Evidence.Add(new EvidenceDto(Guid.NewGuid(), EvidenceKind.Photo, $"https://example.org/{i}.jpg", null, null, DateTimeOffset.UtcNow));
        }

        Assert.Throws<ProblemException>(() => AttachEvidenceEndpoint.Decide(new AttachEvidence(1, EvidenceKind.Link, "https://example.org/x"), activity, Guid.NewGuid()));
    }

    [Fact]
    public void A_retraction_records_its_reason()
    {
        var retracted = Assert.IsType<ActivityRetracted>(Assert.Single(RetractActivityEndpoint.Decide(new RetractActivity(1, " 重复上报 "), Recorded())));

        Assert.Equal("重复上报", retracted.Reason);
    }
}
