using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Gulou.Events.IntegrationTests.Hosting;

/// <summary>
/// The running service maps exactly the events its records list (and the few that no record follows), each under the record's name for it, and each
/// record the verification replays is one the modules registered; the tallies of the progress fold follow their
/// record's events.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EventRegistrationTests(AppFixture app)
{
    [Fact]
    public void The_store_maps_every_event_of_every_record_and_no_other()
    {
        var records = app.Host.Services.GetServices<RecordRegistration>().ToList();
        var listed = records.SelectMany(r => r.Events).Concat(app.Host.Services.GetServices<EventRegistration>().SelectMany(r => r.Events)).ToList();
        // Marten's own events (such as the archiving of a stream) are the store's, not the service's.
        var mapped = app.Store.Options.Events.AllKnownEventTypes().Where(m => m.EventType.Namespace?.StartsWith("Gulou.Events.", StringComparison.Ordinal) == true).ToList();

        Assert.Contains(records, r => r.RecordType.Name == "ActivityRecord");
        Assert.Equal(listed.Select(e => e.Type).Order(ByName), mapped.Select(m => m.EventType).Order(ByName));
        Assert.All(listed, e => Assert.Equal(e.Name, mapped.Single(m => m.EventType == e.Type).EventTypeName));
    }

    [Fact]
    public void Each_tally_follows_the_events_of_its_record()
    {
        var records = app.Host.Services.GetServices<RecordRegistration>().ToDictionary(r => r.RecordType.Name);

        Assert.All(records["ActivityRecord"].Events, e => Assert.True(ActivityTally.Follows(Sample(e.Type)), e.Name));
        Assert.All(records["DesignationRecord"].Events, e => Assert.True(DesignationTally.Follows(Sample(e.Type)), e.Name));
        Assert.All(records["VolunteerRecord"].Events, e => Assert.True(VolunteerTally.Follows(Sample(e.Type)), e.Name));
        Assert.All(records["IndicatorRecord"].Events, e => Assert.True(IndicatorTally.Follows(Sample(e.Type)), e.Name));
        Assert.False(ActivityTally.Follows(Sample(records["DesignationRecord"].Events[0].Type)));
    }

    private static readonly Comparer<Type> ByName = Comparer<Type>.Create((a, b) => string.CompareOrdinal(a.FullName, b.FullName));

    /// <summary>An instance of an event type with default field values: what a tally's type test looks at.</summary>
    private static object Sample(Type type) => System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
}
