using JasperFx.Events;

namespace Gulou.Events.UnitTests.Activities;

/// <summary>Wraps event data the way the store hands it to projections.</summary>
internal static class Events
{
    private static long _sequence;

    public static IEvent<T> Of<T>(T data, DateTimeOffset? at = null) where T : notnull =>
        new Event<T>(data) { Timestamp = at ?? DateTimeOffset.UtcNow, Sequence = Interlocked.Increment(ref _sequence) };

    /// <summary>An event of a stream, numbered as the store numbers them.</summary>
    public static IEvent On<T>(Guid stream, long version, T data) where T : notnull =>
        new Event<T>(data) { StreamId = stream, Version = version, Timestamp = DateTimeOffset.UtcNow, Sequence = Interlocked.Increment(ref _sequence) };
}
