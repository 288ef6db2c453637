using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Api.Reviews.Completeness;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.UnitTests.Reviews;

/// <summary>Reports on either side of 2023's deadline (the end of 31 January 2024 in UTC+8): only those after it are late.</summary>
public sealed class CompletenessTests
{
    private static readonly Institution Fzu = new() { Id = Guid.NewGuid(), Name = "福州大学", Role = Role.Partner, Kind = InstitutionKind.University };
    private static readonly Institution Quiet = new() { Id = Guid.NewGuid(), Name = "鼓楼区科技馆", Role = Role.Partner, Kind = InstitutionKind.ScienceBase };
    private static readonly Institution Edu = new() { Id = Guid.NewGuid(), Name = "区教育局", Role = Role.Unit, UnitCode = "EDU" };

    private static YearActivity Activity(string kind, DateTimeOffset reportedAt, ActivityStatus status = ActivityStatus.Reported)
    {
        var record = new ActivityRecord
        {
            Id = Guid.NewGuid(), InstitutionId = Fzu.Id, Kind = kind, MeasureCodes = TestPlan.Shipped.Kind(kind)!.DefaultMeasures, Year = 2023,
            OccurredOn = new DateOnly(2023, 6, 1), Attendance = new AudienceCounts(Youth: 10), Status = status, ReportedAt = reportedAt,
        };
        return YearActivities.Of(record, TestPlan.Shipped);
    }

    [Fact]
    public void Reports_after_the_end_of_the_deadline_day_in_the_district_are_late()
    {
        var onTime = new DateTimeOffset(2024, 1, 31, 15, 59, 59, TimeSpan.Zero);
        var late = new DateTimeOffset(2024, 1, 31, 16, 0, 0, TimeSpan.Zero);
        YearActivity[] activities =
        [
            Activity("competition", onTime),
            Activity("competition", late),
            Activity("health_talk", late.AddDays(30)),
            Activity("competition", late.AddDays(60), ActivityStatus.Rejected),
        ];

        var c = GetCompletenessEndpoint.Of(2023, TestPlan.Shipped, activities, [Fzu, Quiet, Edu], late.AddDays(300));

        var fzu = Assert.Single(c.Institutions);
        Assert.Equal((3, 1, 2, late.AddDays(30)), (fzu.Activities, fzu.NotCounted, fzu.Late, fzu.LastReportedAt!.Value));
        var edu = c.Units.Single(u => u.UnitCode == "EDU");
        Assert.Equal((2, 1, 1, late), (edu.Activities, edu.Late, edu.Institutions, edu.LastReportedAt!.Value));
        var health = c.Units.Single(u => u.UnitCode == "HEALTH");
        Assert.Equal((1, 1), (health.Activities, health.Late));
        Assert.Equal([Quiet.Id], c.Silent.Select(s => s.InstitutionId));
    }
}
