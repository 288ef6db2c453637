using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.IntegrationTests.Infrastructure;

internal static class Reports
{
    public static ReportActivity LabOpenDay(string externalRef = "FZU-2023-001", int youth = 120) => new(
        externalRef, "lab_open_day", "化学实验室开放日", new DateOnly(2023, 5, 20),
        Venue: "旗山校区", Attendance: new AudienceCounts(Youth: youth, Public: 10));

    public static ReportActivity Competition(string externalRef, int youth, DateOnly day) => new(
        externalRef, "competition", "青少年机器人竞赛", day, Attendance: new AudienceCounts(Youth: youth));
}
