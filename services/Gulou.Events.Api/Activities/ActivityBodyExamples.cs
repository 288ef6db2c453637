using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Api.Activities;

/// <summary>The activity bodies as a partner would send them, for the OpenAPI document.</summary>
public sealed class ActivityBodyExamples : IBodyExamples
{
    private static readonly ReportActivity Report = new(
        "FZU-2023-001", "lab_open_day", "化学实验室开放日", new DateOnly(2023, 5, 20),
        Venue: "福州大学化学楼", Attendance: new AudienceCounts(Youth: 120, Public: 30));

    public IEnumerable<object> Examples =>
    [
        Report,
        new ReportBatch([Report, Report with { ExternalRef = "FZU-2023-002", Kind = "campus_lecture", Title = "走进化学：中学生科普讲座", OccurredOn = new DateOnly(2023, 6, 3) }]),
        new RecordAttendance(1, Youth: 30, VolunteerHours: 12.5m),
        new AttachEvidence(2, EvidenceKind.Photo, "https://files.example.org/fzu/2023-001/photo-1.jpg", "签到现场", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ContainsMinors: true, ExpiresOn: new DateOnly(2028, 12, 31)),
        new CorrectActivity(3, Title: "化学实验室开放日（第二场）", Attendance: new AudienceCounts(Youth: 150, Public: 30)),
        new RetractActivity(4, "Reported twice; FZU-2023-003 is the same day."),
        new VerifyActivity(VerificationDecision.Verified, ExpectedVersion: 4),
    ];
}
