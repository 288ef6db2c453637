using System.Reflection;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Institutions;
using JasperFx.Events;

namespace Gulou.Events.UnitTests.Architecture;

/// <summary>One place per event: a record's list of events is what its module maps and its tally follows, and each listed event has the record's Create or Apply.</summary>
public sealed class RecordEventsTests
{
    public static TheoryData<Type> RecordTypes() => [.. Records()];

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Every_event_a_record_lists_is_handled_by_its_create_or_apply_and_every_handled_event_is_listed(Type record)
    {
        Assert.Empty(Call<IReadOnlyList<Type>>(nameof(RecordEvolution.Unhandled), record));
        Assert.Empty(Call<IReadOnlyList<Type>>(nameof(RecordEvolution.Unlisted), record));
    }

    [Fact]
    public void Each_event_belongs_to_one_record_under_one_name()
    {
        var events = Records().SelectMany(r => (IReadOnlyList<RecordEvent>)r.GetProperty("Events", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToList();

        Assert.Contains(Records(), r => r == typeof(DesignationRecord));
        Assert.Equal(events.Count, events.Select(e => e.Type).Distinct().Count());
        Assert.Equal(events.Count, events.Select(e => e.Name).Distinct().Count());
        Assert.All(events, e => Assert.Matches("^[a-z]+(_[a-z]+)+$", e.Name));
    }

    [Fact]
    public void Evolving_creates_the_record_then_applies_to_it_and_ignores_events_it_does_not_follow()
    {
        var registered = Envelope(new DistrictRegistered("gulou", "鼓楼区", "main", ["gulou-2021-2025"]), 1);
        var moved = Envelope(new DistrictMoved("gulou", "main", "second"), 2);

        Assert.Null(RecordEvolution.Evolve<DistrictRecord>(null, Envelope(new ApiKeyRevoked(Guid.NewGuid(), Guid.NewGuid(), null), 1)));
        var created = RecordEvolution.Evolve<DistrictRecord>(null, registered);
        Assert.Equal(("gulou", "main", 1L), (created!.Code, created.Database, created.Version));

        var applied = RecordEvolution.Evolve(created, moved);
        Assert.Same(created, applied);
        Assert.Equal(("second", 2L), (applied!.Database, applied.Version));

        var unchanged = RecordEvolution.Evolve(applied, Envelope(new ApiKeyRevoked(Guid.NewGuid(), Guid.NewGuid(), null), 3));
        Assert.Equal(("second", 2L), (unchanged!.Database, unchanged.Version));
    }

    private static IEvent Envelope(object data, long version)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        e.Timestamp = DateTimeOffset.UtcNow;
        return e;
    }

    private static T Call<T>(string method, Type record) =>
        (T)typeof(RecordEvolution).GetMethod(method)!.MakeGenericMethod(record).Invoke(null, null)!;

    private static IEnumerable<Type> Records() =>
        typeof(RecordEvent).Assembly.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecord<>)));
}
