using Gulou.Events.Api.Activities;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Activities;

/// <summary>The inline snapshot: from events to the state that decisions and the activity routes read.</summary>
public sealed class ActivityRecordTests
{
    [Fact]
    public void Attendance_accumulates_over_recordings()
    {
        var activity = Recorded();

        activity.Apply(Events.Of(new AttendanceRecorded(Id, new AudienceCounts(Youth: 5), 2m)));
        activity.Apply(Events.Of(new AttendanceRecorded(Id, new AudienceCounts(Youth: 1, Elderly: 3), 0.5m)));

        Assert.Equal(new AudienceCounts(Youth: 126, Elderly: 3, Public: 10), activity.Attendance);
        Assert.Equal(2.5m, activity.VolunteerHours);
    }

    [Fact]
    public void A_correction_moves_the_activity_to_the_year_it_now_happened_in()
    {
        var activity = Recorded();
        var corrected = new ActivityCorrected(Id, "competition", ["ACT-03"], "区青少年机器人竞赛", new DateOnly(2024, 3, 1), null, null, null,
            new AudienceCounts(Youth: 300), 0m, ["kind", "measureCodes", "title", "occurredOn", "attendance"]);

        activity.Apply(Events.Of(corrected));

        Assert.Equal(2024, activity.Year);
        Assert.Equal("competition", activity.Kind);
        Assert.Equal(new AudienceCounts(Youth: 300), activity.Attendance);
    }

    [Fact]
    public void Changed_figures_take_a_verified_activity_back_to_reported()
    {
        var activity = Recorded();
        activity.Apply(Events.Of(new ActivityVerified(Id, Guid.NewGuid(), null, "EDU")));

        activity.Apply(Events.Of(new AttendanceRecorded(Id, new AudienceCounts(Youth: 1), 0m)));

        Assert.Equal(ActivityStatus.Reported, activity.Status);
        Assert.Null(activity.Verification);
    }

    public static TheoryData<object> Amendments() => new()
    {
        new AttendanceRecorded(Id, new AudienceCounts(Youth: 5), 0m),
        new ActivityCorrected(Id, "lab_open_day", ["ACT-02"], "化学实验室开放日（补正）", new DateOnly(2023, 5, 20), null, null, null, new AudienceCounts(Youth: 120, Public: 10), 0m, ["title"]),
        new EvidenceAttached(Id, Guid.NewGuid(), EvidenceKind.AttendanceSheet, "https://example.org/sheet.pdf", null, null),
    };

    [Theory]
    [MemberData(nameof(Amendments))]
    public void Any_amendment_of_a_rejected_activity_resubmits_it_and_the_rejection_stays_on_record(object amendment)
    {
        var unit = Guid.NewGuid();
        var activity = Recorded();
        activity.Apply(Events.Of(new ActivityRejected(Id, unit, "无签到表", "EDU", RejectionReason.Other)));

        Apply(activity, amendment);

        Assert.Equal(ActivityStatus.Resubmitted, activity.Status);
        Assert.Equal((VerificationDecision.Rejected, unit, "EDU", "无签到表"), (activity.Verification!.Decision, activity.Verification.UnitId, activity.Verification.UnitCode, activity.Verification.Reason));
    }

    [Theory]
    [MemberData(nameof(Amendments))]
    public void A_resubmitted_or_held_activity_stays_so_when_amended_again(object amendment)
    {
        var resubmitted = Recorded(status: ActivityStatus.Resubmitted);
        var held = Recorded(status: ActivityStatus.NeedsReview);

        Apply(resubmitted, amendment);
        Apply(held, amendment);

        Assert.Equal(ActivityStatus.Resubmitted, resubmitted.Status);
        Assert.Equal(ActivityStatus.NeedsReview, held.Status);
    }

    [Fact]
    public void A_hold_and_then_a_units_verification_decide_the_status()
    {
        var activity = Recorded();

        activity.Apply(Events.Of(new ActivityHeldForReview(Id, "lab_open_day", 5_000, 2_000)));
        var held = activity.Status;
        activity.Apply(Events.Of(new ActivityVerified(Id, Guid.NewGuid(), "核实无误", "CAST")));

        Assert.Equal(ActivityStatus.NeedsReview, held);
        Assert.Equal(ActivityStatus.Verified, activity.Status);
        Assert.Equal("CAST", activity.Verification!.UnitCode);
    }

    [Fact]
    public void A_duplicate_rejection_names_the_activity_it_repeats()
    {
        var original = Guid.NewGuid();
        var activity = Recorded();

        activity.Apply(Events.Of(new ActivityRejected(Id, Guid.NewGuid(), "重复", "EDU", RejectionReason.DuplicateOf, original)));

        Assert.Equal(ActivityStatus.Rejected, activity.Status);
        Assert.Equal((RejectionReason.DuplicateOf, original), (activity.Verification!.ReasonCode, activity.Verification.DuplicateOf!.Value));
    }

    [Fact]
    public void The_host_comes_from_the_report_and_follows_corrections()
    {
        var host = Guid.NewGuid();
        var activity = Recorded(LabOpenDay() with { HostInstitutionId = host });

        var reported = activity.HostInstitutionId;
        activity.Apply(Events.Of(new ActivityCorrected(Id, "lab_open_day", ["ACT-02"], "t", new DateOnly(2023, 5, 20), null, null, null, AudienceCounts.None, 0m, ["hostInstitutionId"])));

        Assert.Equal(host, reported);
        Assert.Null(activity.HostInstitutionId);
    }

    private static void Apply(ActivityRecord activity, object amendment)
    {
        switch (amendment)
        {
            case AttendanceRecorded a: activity.Apply(Events.Of(a)); break;
            case ActivityCorrected c: activity.Apply(Events.Of(c)); break;
            case EvidenceAttached e: activity.Apply(Events.Of(e)); break;
        }
    }

    [Fact]
    public void Evidence_does_not_reopen_a_verified_activity()
    {
        var activity = Recorded(status: ActivityStatus.Verified);

        activity.Apply(Events.Of(new EvidenceAttached(Id, Guid.NewGuid(), EvidenceKind.Photo, "https://example.org/1.jpg", null, null)));

        Assert.Equal(ActivityStatus.Verified, activity.Status);
        Assert.Single(activity.Evidence);
    }

    [Fact]
    public void A_retraction_closes_the_activity()
    {
        var activity = Recorded();

        activity.Apply(Events.Of(new ActivityRetracted(Id, "duplicate")));

        Assert.Equal(ActivityStatus.Retracted, activity.Status);
        Assert.True(activity.IsClosed);
    }
}
