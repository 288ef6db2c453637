using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts.Progress;
using Marten;
using Npgsql;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>
/// How far the progress projection has caught up, and, when a client asks, a bounded wait until it has caught
/// up with a given event sequence (<c>waitForSequence</c>) or with everything recorded so far (<c>waitForNonStale</c>).
/// </summary>
public static class ProgressFreshness
{
    public const int MaxWaitSeconds = 30;
    private static readonly string ProgressShard = $"{ProgressProjection.Name}:All";

    public static async Task<Freshness> ReadAsync(IDocumentStore store, IQuerySession session, long? waitForSequence, bool? waitForNonStale, int? waitSeconds, CancellationToken cancellation)
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
            var (applied, highWater) = await PositionsAsync(store, session, cancellation);
            if (target is null || applied >= target || DateTimeOffset.UtcNow >= deadline)
            {
                return new Freshness(applied, highWater, applied >= Math.Max(highWater, target ?? 0));
            }

            await Task.Delay(100, cancellation);
        }
    }

    /// <summary>
    /// The positions in the district's database (each database of the pool has its own log and daemon): one statement
    /// on a connection of its own, read on every progress request, so it skips the session's query pipeline.
    /// </summary>
    private static async Task<(long Applied, long HighWater)> PositionsAsync(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select coalesce(max(last_seq_id) filter (where name = '{ProgressShard}'), 0), coalesce(max(last_seq_id) filter (where name = 'HighWaterMark'), 0) "
            + $"from {schema}.mt_event_progression where name in ('{ProgressShard}', 'HighWaterMark')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The progress projection's position as the session sees it: inside a snapshot, the position its rollups stand at.</summary>
    public static async Task<long> AppliedAsync(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var applied = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = '{ProgressShard}'", cancellation);
        return applied.Single();
    }

    private static async Task<long> LatestSequenceAsync(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var latest = await session.AdvancedSql.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events", cancellation);
        return latest.Single();
    }
}
