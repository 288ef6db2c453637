using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Contracts.Plan;
using JasperFx.Events;
using Marten;

namespace Gulou.Events.Api.Reviews.Reviewing;

/// <summary>Reads the parts of a district's event log that the progress figures are made of.</summary>
public static class ProgressLog
{
    private static readonly string[] OtherRecords =
        ["subject_designated", "designation_revoked", "volunteer_registered", "volunteer_deregistered", "indicator_observed", "rank_observed", "institution_registered"];

    /// <summary>
    /// The streams behind a year's figures: activities that happened in the year at some point of their history,
    /// activities of kinds that cumulative targets count (earlier years count toward those), and every designation,
    /// volunteer, indicator and institution (schools make up the coverage register). Without a year, every progress stream.
    /// With <paramref name="recordedUpTo"/>, as the log stood at that instant (events recorded later do not select a stream).
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> StreamsAsync(
        IQuerySession session, string tenantId, int? year, IReadOnlyCollection<string> cumulativeKinds, CancellationToken cancellation, DateTimeOffset? recordedUpTo = null)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var activityFilter = year is null ? "true" : "(left(data->>'occurredOn', 4) = ? or data->>'kind' = any(?))";
        var sql = $"""
            select distinct stream_id from {schema}.mt_events
            where tenant_id = ? and (type = any(?) or (type in ('activity_reported', 'activity_corrected') and {activityFilter})){(recordedUpTo is null ? "" : " and timestamp <= ?")}
            """;
        List<object> parameters = year is null
            ? [tenantId, OtherRecords]
            : [tenantId, OtherRecords, year.Value.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), cumulativeKinds.ToArray()];
        if (recordedUpTo is { } upTo)
        {
            parameters.Add(upTo);
        }

        return await session.AdvancedSql.QueryAsync<Guid>(sql, cancellation, [.. parameters]);
    }

    /// <summary>Kinds of activity that count toward a cumulative target: their earlier years are part of a year's figures.</summary>
    public static IReadOnlySet<string> CumulativeKinds(CurrentPlan plan) =>
        plan.Catalog.Targets.Where(t => !TargetEvaluation.IsAnnual(t)).SelectMany(t => t.Counting.ActivityKinds ?? []).ToHashSet();

    /// <summary>Every event of the streams, in log order.</summary>
    public static async Task<IReadOnlyList<IEvent>> EventsAsync(IQuerySession session, IReadOnlyList<Guid> streams, CancellationToken cancellation)
    {
        var events = new List<IEvent>();
        foreach (var chunk in streams.Chunk(2000))
        {
            events.AddRange(await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(chunk)).ToListAsync(cancellation));
        }

        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return events;
    }
}
