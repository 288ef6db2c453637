using System.Collections.Concurrent;
using Gulou.Events.Api.Infrastructure.Persistence;
using Marten;
using Marten.Storage;
using Npgsql;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>
/// The progress projection's position and the high-water mark of each district database, read once for all the
/// requests that ask together. A request joins the next read that starts after it asked, never one already under way,
/// so what it is told was true at some moment between its arrival and its answer, exactly as if it had read alone.
/// At most one read per database is under way: under load, sixteen clients cost one statement at a time instead of sixteen.
/// </summary>
public sealed class ProgressPositions
{
    private static readonly string ProgressShard = $"{ProgressProjection.Name}:All";

    private readonly ConcurrentDictionary<IMartenDatabase, ReadRounds<(long Applied, long HighWater)>> _databases = new(ReferenceEqualityComparer.Instance);

    /// <summary>The positions of the session's database: the projection's applied sequence and the high-water mark.</summary>
    public Task<(long Applied, long HighWater)> ReadAsync(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var database = session.Database;
        var schema = store.Options.Events.DatabaseSchemaName;
        return _databases.GetOrAdd(database, d => new ReadRounds<(long Applied, long HighWater)>(token => ReadOnceAsync(d, schema, token))).NextAsync().WaitAsync(cancellation);
    }

    /// <summary>The progress projection's position as the session sees it: inside a snapshot, the position its rollups stand at.</summary>
    public static async Task<long> AppliedAsync(IDocumentStore store, IQuerySession session, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var applied = await session.AdvancedSql.QueryAsync<long>($"{AppliedSql(schema)}", cancellation);
        return applied.Single();
    }

    private static string AppliedSql(string schema) =>
        $"select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = '{ProgressShard}'";

    /// <summary>One statement on a pooled connection of its own, outside any session's query pipeline.</summary>
    private static async Task<(long Applied, long HighWater)> ReadOnceAsync(IMartenDatabase database, string schema, CancellationToken cancellation)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select ({AppliedSql(schema)}), coalesce((select max(last_seq_id) from {schema}.mt_event_progression where name = 'HighWaterMark'), 0)",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
