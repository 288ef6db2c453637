using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts.Progress;
using Marten;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>
/// How far the progress projection has caught up, and, when a client asks, a bounded wait until it has caught
/// up with a given event sequence (<c>waitForSequence</c>) or with everything recorded so far (<c>waitForNonStale</c>).
/// </summary>
public static class ProgressFreshness
{
    public const int MaxWaitSeconds = 30;

    public static async Task<Freshness> ReadAsync(IDocumentStore store, IQuerySession session, ProgressPositions positions, long? waitForSequence, bool? waitForNonStale, int? waitSeconds, CancellationToken cancellation)
    {
        if (waitSeconds is < 0 or > MaxWaitSeconds)
        {
            throw ProblemException.Invalid("waitSeconds", $"Wait 0 to {MaxWaitSeconds} seconds.");
        }

        if (waitForSequence is < 0)
        {
            throw ProblemException.Invalid("waitForSequence", "An event sequence is not negative.");
        }

        var target = waitForSequence ?? (waitForNonStale == true ? await LatestSequenceAsync(store, session, cancellation) : null);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(waitSeconds ?? 10);
        while (true)
        {
            var (applied, highWater) = await positions.ReadAsync(store, session, cancellation);
            if (target is null || applied >= target || DateTimeOffset.UtcNow >= deadline)
            {
                return new Freshness(applied, highWater, applied >= Math.Max(highWater, target ?? 0));
            }

            await Task.Delay(100, cancellation);
        }
    }

    private static async Task<long> LatestSequenceAsync(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var latest = await session.AdvancedSql.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events", cancellation);
        return latest.Single();
    }
}
