using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.UnitTests.Infrastructure;

/// <summary>
/// A shared read answers a caller only with a read that started after it asked (what the progress position promises),
/// and the callers that ask during one read share a single next read.
/// </summary>
public sealed class ReadRoundsTests
{
    private readonly List<TaskCompletionSource<int>> _reads = [];
    private readonly ReadRounds<int> _rounds;

    public ReadRoundsTests() => _rounds = new ReadRounds<int>(_ =>
    {
        var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_reads)
        {
            _reads.Add(read);
        }

        return read.Task;
    });

    [Fact]
    public async Task A_caller_that_asks_during_a_read_gets_the_next_one_and_the_callers_of_one_round_share_it()
    {
        var first = _rounds.NextAsync();
        var running = await ReadAsync(1);

        var late = Enumerable.Range(0, 16).Select(_ => _rounds.NextAsync()).ToList();
        running.SetResult(1);
        Assert.Equal(1, await first);

        var next = await ReadAsync(2);
        Assert.All(late, t => Assert.False(t.IsCompleted));
        next.SetResult(2);

        Assert.Equal(Enumerable.Repeat(2, 16), await Task.WhenAll(late));
        await Task.Delay(50);
        Assert.Equal(2, Reads);
    }

    [Fact]
    public async Task A_failed_read_fails_its_round_only()
    {
        var failing = _rounds.NextAsync();
        (await ReadAsync(1)).SetException(new InvalidOperationException("database gone"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var after = _rounds.NextAsync();
        (await ReadAsync(2)).SetResult(7);
        Assert.Equal(7, await after);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_cancel_the_read_of_the_others()
    {
        using var gone = new CancellationTokenSource();
        var leaving = _rounds.NextAsync().WaitAsync(gone.Token);
        var staying = _rounds.NextAsync();
        var read = await ReadAsync(1);

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        read.SetResult(3);
        Assert.Equal(3, await staying);
    }

    private int Reads
    {
        get
        {
            lock (_reads)
            {
                return _reads.Count;
            }
        }
    }

    /// <summary>Waits until the rounds have started their <paramref name="count"/>th read, and returns it.</summary>
    private async Task<TaskCompletionSource<int>> ReadAsync(int count)
    {
        for (var i = 0; i < 500; i++)
        {
            lock (_reads)
            {
                if (_reads.Count >= count)
                {
                    Assert.Equal(count, _reads.Count);
                    return _reads[count - 1];
                }
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"read {count} never started");
    }
}
