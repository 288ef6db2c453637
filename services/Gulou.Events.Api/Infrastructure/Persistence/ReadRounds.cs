namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// A read shared by the callers that ask for it together, in rounds: a caller waits for the next round that starts
/// after it asked, never for one already under way, so what it gets was read after it asked. One round runs at a time;
/// the callers that ask while it runs share the one after it. A round runs to its end whatever happens to the callers
/// waiting for it (each waits under its own token), bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class ReadRounds<T>(Func<CancellationToken, Task<T>> read)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private TaskCompletionSource<T>? _next;
    private bool _running;

    public Task<T> NextAsync()
    {
        lock (_gate)
        {
            var next = _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_running)
            {
                _running = true;
                _ = Task.Run(RunAsync);
            }

            return next.Task;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            TaskCompletionSource<T> round;
            lock (_gate)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }

                round = _next;
                _next = null;
            }

            try
            {
                using var timeout = new CancellationTokenSource(Timeout);
                round.SetResult(await read(timeout.Token));
            }
            catch (Exception failure)
            {
                round.SetException(failure);
            }
        }
    }
}
