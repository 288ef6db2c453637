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

    [Theory]
    [InlineData(ActivityStatus.Verified)]
    [InlineData(ActivityStatus.Rejected)]
    public void Changed_figures_reopen_a_units_decision(ActivityStatus decided)
    {
        var activity = Recorded(status: decided);
        activity.Verification = new VerificationDto(decided == ActivityStatus.Verified ? VerificationDecision.Verified : VerificationDecision.Rejected, Guid.NewGuid(), null, DateTimeOffset.UtcNow);

        activity.Apply(Events.Of(new AttendanceRecorded(Id, new AudienceCounts(Youth: 1), 0m)));

        Assert.Equal(ActivityStatus.Reported, activity.Status);
        Assert.Null(activity.Verification);
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
