using Gulou.Events.Api.Activities;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.UnitTests.Activities;

internal static class ActivityExamples
{
    public static readonly Guid Institution = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Id = Guid.Parse("22222222-2222-2222-2222-222222222222");

    public static ReportActivity LabOpenDay(string externalRef = "FZU-2023-001") => new(
        externalRef, "lab_open_day", "化学实验室开放日", new DateOnly(2023, 5, 20),
        Attendance: new AudienceCounts(Youth: 120, Public: 10), Venue: "旗山校区");

    /// <summary>The activity as it stands after reporting <paramref name="report"/>, at <paramref name="version"/>.</summary>
    public static ActivityRecord Recorded(ReportActivity? report = null, ActivityStatus status = ActivityStatus.Reported, long version = 1)
    {
        var reported = Api.Activities.Reporting.ReportActivityEndpoint.Decide(report ?? LabOpenDay(), Id, Institution, null, TestPlan.Shipped)!;
        var activity = ActivityRecord.Create(Events.Of(reported));
        activity.Status = status;
        activity.Version = version;
        return activity;
    }
}
