using JasperFx.Events;

namespace Gulou.Events.UnitTests.Activities;

/// <summary>Wraps event data the way the store hands it to projections.</summary>
internal static class Events
{
    private static long _sequence;

    public static IEvent<T> Of<T>(T data, DateTimeOffset? at = null) where T : notnull =>
        new Event<T>(data) { Timestamp = at ?? DateTimeOffset.UtcNow, Sequence = Interlocked.Increment(ref _sequence) };
}
