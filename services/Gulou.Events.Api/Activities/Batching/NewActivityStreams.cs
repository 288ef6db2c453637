using Gulou.Events.Api.Activities.Reporting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Activities;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Internal.Sessions;

namespace Gulou.Events.Api.Activities.Batching;

/// <summary>
/// Writes the new activities of a batch set-based: one statement per table (<c>mt_streams</c>, <c>mt_events</c>, the
/// <see cref="ActivityRecord"/> snapshots), each inserting every row from arrays with <c>unnest</c>, queued in the
/// session so that they run in its transaction, on its connection, at its <c>SaveChangesAsync</c>. The rows are the
/// ones Marten writes for <c>StartStream</c> followed by the inline snapshot: the same event names and .NET types,
/// versions, tenant, timestamp, correlation id, headers and user name; sequence numbers drawn from the event
/// sequence inside the transaction, as Marten's own append draws them, so that the projection daemon waits for the
/// transaction before it passes them. A reference already taken fails the stream insert on its primary key
/// (<see cref="StreamCollision"/>), which rolls the whole batch back, exactly as a collision of Marten's append did.
/// </summary>
public static class NewActivityStreams
{
    public static void Queue(IDocumentSession session, IReadOnlyList<ActivityReported> started, Func<Guid, CurrentPlan> planOf)
    {
        if (started.Count == 0)
        {
            return;
        }

        var options = (StoreOptions)session.DocumentStore.Options;
        var graph = (Marten.Events.EventGraph)options.Events;
        var serializer = options.Serializer();
        var schema = graph.DatabaseSchemaName;
        var metadata = (IMetadataContext)session;

        // PostgreSQL keeps microseconds: the snapshot carries the timestamp the event reads back with.
        var now = graph.TimeProvider.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));

        var streamIds = new Guid[started.Count];
        var streamVersions = new long[started.Count];
        var docs = new string[started.Count];
        var eventIds = new List<Guid>();
        var eventStreams = new List<Guid>();
        var eventVersions = new List<long>();
        var eventData = new List<string>();
        var eventTypes = new List<string>();
        var dotnetTypes = new List<string>();
        for (var i = 0; i < started.Count; i++)
        {
            var reported = started[i];
            ActivityRecord? record = null;
            var events = ReportActivityEndpoint.EventsOf(reported, planOf(reported.ActivityId));
            for (var v = 0; v < events.Count; v++)
            {
                var e = graph.BuildEvent(events[v]);
                e.Id = Guid.NewGuid();
                e.StreamId = reported.ActivityId;
                e.Version = v + 1;
                e.Timestamp = now;
                e.TenantId = session.TenantId;
                record = RecordEvolution.Evolve(record, e);

                eventIds.Add(e.Id);
                eventStreams.Add(e.StreamId);
                eventVersions.Add(e.Version);
                eventData.Add(serializer.ToJson(e.Data));
                eventTypes.Add(e.EventTypeName);
                dotnetTypes.Add(e.DotNetTypeName);
            }

            streamIds[i] = reported.ActivityId;
            streamVersions[i] = events.Count;
            docs[i] = serializer.ToJson(record!);
        }

        // Streams first and in id order: a reference already taken fails here before anything else is written, and two
        // batches sharing references lock them in the same order (one waits for the other instead of deadlocking).
        session.QueueSqlCommand(
            $"insert into {schema}.mt_streams (id, type, version, timestamp, tenant_id) " +
            "select s.id, ?, s.version, now(), ? from unnest(?::uuid[], ?::bigint[]) as s(id, version) order by s.id",
            graph.AggregateAliasFor(typeof(ActivityRecord)), session.TenantId, streamIds, streamVersions);

        session.QueueSqlCommand(
            $"insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, causation_id, correlation_id, headers, user_name) " +
            $"select nextval('{schema}.mt_events_sequence'), e.id, e.stream_id, e.version, e.data::jsonb, e.type, ?, ?, e.dotnet_type, false, ?::varchar, ?::varchar, ?::jsonb, ?::varchar " +
            "from unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[]) with ordinality as e(id, stream_id, version, data, type, dotnet_type, n) order by e.n",
            session.TenantId, now,
            Metadata(graph.MetadataConfig.CausationIdEnabled, metadata.CausationId),
            Metadata(graph.MetadataConfig.CorrelationIdEnabled, metadata.CorrelationId),
            Metadata(graph.MetadataConfig.HeadersEnabled, metadata.Headers is { Count: > 0 } headers ? serializer.ToJson(headers) : null),
            Metadata(graph.MetadataConfig.UserNameEnabled, metadata.CurrentUserName),
            eventIds.ToArray(), eventStreams.ToArray(), eventVersions.ToArray(), eventData.ToArray(), eventTypes.ToArray(), dotnetTypes.ToArray());

        // The snapshot into the table Marten maps it to, with the columns the module duplicates from it (ActivitiesModule),
        // each read from the document by Marten's own "column = expression over data" (what it runs when it adds one), so
        // that a field duplicated there is written here too. "offset 0" keeps the subquery from being folded into the
        // select, which would parse each document once per column read from it (five times slower for 1,000 documents).
        var storage = ((QuerySession)session).StorageFor<ActivityRecord>();
        var duplicated = storage.DuplicatedFields.Select(f => f.UpdateSqlFragment().Split(" = ", 2)).Select(p => (Column: p[0], Value: p[1])).ToList();
        session.QueueSqlCommand(
            $"insert into {storage.TableName.QualifiedName} (tenant_id, id, data, mt_version, mt_dotnet_type, mt_last_modified" +
            string.Concat(duplicated.Select(f => $", {f.Column}")) + ") " +
            "select ?, d.id, d.data, d.version, ?, transaction_timestamp()" + string.Concat(duplicated.Select(f => $", {f.Value}")) + " " +
            "from (select u.id, u.data::jsonb as data, u.version from unnest(?::uuid[], ?::text[], ?::bigint[]) as u(id, data, version) offset 0) d",
            session.TenantId, typeof(ActivityRecord).FullName!, streamIds, docs, streamVersions);
    }

    private static object Metadata(bool enabled, string? value) => enabled && value is not null ? value : DBNull.Value;
}
