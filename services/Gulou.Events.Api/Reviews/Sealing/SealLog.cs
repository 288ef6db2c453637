using System.Globalization;
using System.Text.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Reviewing;
using Marten;

namespace Gulou.Events.Api.Reviews.Sealing;

/// <summary>
/// Reads the events a seal counts straight from the log's rows (not through the event types, so that data the
/// types would not read is still seen): every event recorded up to the cut-off in a stream behind the year's
/// figures, as the log stood at the cut-off.
/// </summary>
public static class SealLog
{
    public static async Task<IReadOnlyList<LoggedEvent>> CountedAsync(IQuerySession session, CurrentPlan plan, string tenantId, int year, DateTimeOffset asOf, CancellationToken cancellation)
    {
        var streams = await ProgressLog.StreamsAsync(session, tenantId, year, ProgressLog.CumulativeKinds(plan), cancellation, recordedUpTo: asOf);
        var events = new List<LoggedEvent>();
        foreach (var chunk in streams.Chunk(2000))
        {
            events.AddRange(await QueryAsync(session, "tenant_id = ? and stream_id = any(?) and timestamp <= ?", cancellation, tenantId, chunk, asOf));
        }

        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return events;
    }

    /// <summary>The district's event at a sequence number, whatever it is now, if it is still in the log.</summary>
    public static async Task<LoggedEvent?> FindAsync(IQuerySession session, string tenantId, long sequence, CancellationToken cancellation) =>
        (await QueryAsync(session, "tenant_id = ? and seq_id = ?", cancellation, tenantId, sequence)).SingleOrDefault();

    private static async Task<IReadOnlyList<LoggedEvent>> QueryAsync(IQuerySession session, string where, CancellationToken cancellation, params object[] parameters)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var sql = $"""
            select jsonb_build_object('s', seq_id, 'i', stream_id, 'v', version, 't', type, 'd', data,
                'at', to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
            from {schema}.mt_events where {where}
            """;
        var rows = await session.AdvancedSql.QueryAsync<string>(sql, cancellation, parameters);
        return rows.Select(Parse).ToList();
    }

    private static LoggedEvent Parse(string row)
    {
        using var json = JsonDocument.Parse(row);
        var r = json.RootElement;
        return new LoggedEvent(
            r.GetProperty("s").GetInt64(),
            r.GetProperty("i").GetGuid(),
            r.GetProperty("v").GetInt64(),
            r.GetProperty("t").GetString()!,
            r.GetProperty("d").GetRawText(),
            DateTimeOffset.Parse(r.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }
}
