using Gulou.Events.Api.Activities.GettingHistory;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using JasperFx.Events;

namespace Gulou.Events.UnitTests.Reviews;

public sealed class LateMarkingTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset Closed2023 = new(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Api.Activities.EvidenceAudience Reader = new(SeesMinors: true, Today: new DateOnly(2026, 1, 1));

    private static IEvent At<T>(T data, string instant, long version) where T : notnull =>
        new Event<T>(data) { StreamId = Id, Version = version, Timestamp = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture) };

    private static ActivityReported Reported(DateOnly day) =>
        new(Id, Guid.NewGuid(), "r", "competition", ["ACT-03"], "t", day, null, null, null, new AudienceCounts(Youth: 1), 0, "h");

    [Fact]
    public void Changes_recorded_after_the_activitys_year_was_closed_are_late()
    {
        IEvent[] events =
        [
            At(Reported(new DateOnly(2023, 6, 1)), "2023-06-02T00:00:00Z", 1),
            At(new AttendanceRecorded(Id, new AudienceCounts(Youth: 1), 0), "2024-01-10T00:00:00Z", 2),
            At(new AttendanceRecorded(Id, new AudienceCounts(Youth: 1), 0), "2024-03-10T00:00:00Z", 3),
        ];

        var entries = GetActivityHistoryEndpoint.Entries(events, new Dictionary<int, DateTimeOffset> { [2023] = Closed2023 }, Reader);

        Assert.Equal([false, false, true], entries.Select(e => e.Late));
    }

    [Fact]
    public void Moving_an_activity_into_or_out_of_a_closed_year_is_late_either_way()
    {
        IEvent[] into =
        [
            At(Reported(new DateOnly(2024, 1, 5)), "2024-01-06T00:00:00Z", 1),
            At(new ActivityCorrected(Id, "competition", ["ACT-03"], "t", new DateOnly(2023, 12, 30), null, null, null, new AudienceCounts(Youth: 1), 0, ["occurredOn"]), "2024-03-01T00:00:00Z", 2),
            At(new ActivityCorrected(Id, "competition", ["ACT-03"], "t", new DateOnly(2024, 1, 5), null, null, null, new AudienceCounts(Youth: 1), 0, ["occurredOn"]), "2024-03-02T00:00:00Z", 3),
        ];

        var entries = GetActivityHistoryEndpoint.Entries(into, new Dictionary<int, DateTimeOffset> { [2023] = Closed2023 }, Reader);

        Assert.Equal([false, true, true], entries.Select(e => e.Late));
    }

    [Fact]
    public void Nothing_is_late_while_no_year_is_closed() =>
        Assert.All(GetActivityHistoryEndpoint.Entries([At(Reported(new DateOnly(2023, 6, 1)), "2025-06-02T00:00:00Z", 1)], new Dictionary<int, DateTimeOffset>(), Reader), e => Assert.False(e.Late));
}
