namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// The service's clock in the tests: the system's time, which a test may move forward (an exception expiring in a
/// week is tested in a moment). Every test class shares it, so only a test that runs alone moves it, and puts it back.
/// The store's own timestamps stay on the database's clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward until the returned value is disposed.</summary>
    public IDisposable Advance(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return new Back(this, by);
    }

    private sealed class Back(TestClock clock, TimeSpan by) : IDisposable
    {
        public void Dispose() => Interlocked.Add(ref clock._offsetTicks, -by.Ticks);
    }
}
