using System.Reflection;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using JasperFx.Events;
using Marten;
using Marten.Storage;

namespace Gulou.Events.Api.Projections.Verifying;

public sealed record VerificationProgress(string Tenant, long StreamsDone, long StreamsTotal);

/// <summary>
/// Replays the whole event log into scratch copies of every projection (in memory, never touching the live
/// documents) and compares them document by document with the live ones: the progress projection's rollups and
/// tallies, and every inline snapshot. Streams are replayed a chunk at a time, so memory stays bounded.
/// </summary>
public sealed class ProjectionVerifier(IDocumentStore store, DistrictDatabases databases, CurrentPlan plan, IEnumerable<RecordRegistration> records)
{
    private const int ChunkSize = 500;

    /// <summary>Every district (and the registry) in every database of the pool.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(IProgress<VerificationProgress>? progress, CancellationToken cancellation)
    {
        var differences = new List<string>();
        var schema = store.Options.Events.DatabaseSchemaName;
        foreach (var database in await databases.AllAsync())
        {
            await using var global = store.QuerySession(Marten.Services.SessionOptions.ForDatabase(database));
            var tenants = await global.AdvancedSql.QueryAsync<string>($"select distinct tenant_id from {schema}.mt_streams order by tenant_id", cancellation);
            foreach (var tenant in tenants)
            {
                await VerifyTenantAsync(database, tenant, schema, differences, progress, cancellation);
            }
        }

        return differences;
    }

    /// <summary>One district, in the database it lives in.</summary>
    public async Task<IReadOnlyList<string>> VerifyDistrictAsync(string district, IProgress<VerificationProgress>? progress, CancellationToken cancellation)
    {
        var differences = new List<string>();
        await VerifyTenantAsync(await databases.OfAsync(district), district, store.Options.Events.DatabaseSchemaName, differences, progress, cancellation);
        return differences;
    }

    private async Task VerifyTenantAsync(IMartenDatabase database, string tenant, string schema, List<string> differences, IProgress<VerificationProgress>? progress, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(Marten.Services.SessionOptions.ForDatabase(tenant, database));
        var streams = await session.AdvancedSql.QueryAsync<Guid>($"select id from {schema}.mt_streams where tenant_id = ? order by id", cancellation, tenant);
        var replay = new MemoryProgressStorage();
        var fold = new ProgressFold(plan);

        // The published plans first: the fold ends with every record counted under each plan's last version, whatever
        // the order it met the records and the versions in, and the chunks below no longer hold the log's order.
        var planStreams = await session.AdvancedSql.QueryAsync<Guid>(
            $"select distinct stream_id from {schema}.mt_events where tenant_id = ? and type = 'plan_catalog_published'", cancellation, tenant);
        var planEvents = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(planStreams.ToArray())).ToListAsync(cancellation))
            .OrderBy(e => e.Sequence).ToList();
        await fold.ApplyAsync(replay, planEvents, cancellation);
        var livePlans = await session.Query<PlanTally>().ToListAsync(cancellation);
        Compare(tenant, nameof(PlanTally), replay.Plans.ToDictionary(p => p.Id.ToString(), p => (object)p), livePlans.ToDictionary(p => p.Id.ToString(), p => (object)p), differences);

        var done = (long)planStreams.Count;
        foreach (var chunk in streams.Except(planStreams).Chunk(ChunkSize))
        {
            var events = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(chunk)).ToListAsync(cancellation))
                .OrderBy(e => e.Sequence).ToList();
            await fold.ApplyAsync(replay, events, cancellation);
            await CompareTalliesAsync(session, tenant, replay, differences, cancellation);
            replay.ForgetTallies();
            await CompareSnapshotsAsync(session, tenant, events, differences, cancellation);
            done += chunk.Length;
            progress?.Report(new VerificationProgress(tenant, done, streams.Count));
        }

        await CompareSnapshotsAsync(session, tenant, planEvents, differences, cancellation);

        var live = await session.Query<Rollup>().ToListAsync(cancellation);
        Compare(tenant, "Rollup", replay.Rollups.ToDictionary(r => r.Id, r => (object)r), live.ToDictionary(r => r.Id, r => (object)r), differences);
        var liveMembers = await session.Query<RollupMember>().ToListAsync(cancellation);
        Compare(tenant, nameof(RollupMember), replay.Members.ToDictionary(m => m.Id, m => (object)m), liveMembers.ToDictionary(m => m.Id, m => (object)m), differences);
        Orphans(tenant, nameof(ActivityTally), await session.Query<ActivityTally>().Select(t => t.Id).ToListAsync(cancellation), streams, differences);
        Orphans(tenant, nameof(ActivityRecord), await session.Query<ActivityRecord>().Select(a => a.Id).ToListAsync(cancellation), streams, differences);
    }

    private async Task CompareTalliesAsync(IQuerySession session, string tenant, MemoryProgressStorage replay, List<string> differences, CancellationToken cancellation)
    {
        foreach (var group in replay.Tallies.GroupBy(t => t.GetType()))
        {
            var ids = group.Select(t => t.Id).ToArray();
            var live = group.Key.Name switch
            {
                nameof(ActivityTally) => (await session.LoadManyAsync<ActivityTally>(cancellation, ids)).Cast<ITally>(),
                nameof(DesignationTally) => (await session.LoadManyAsync<DesignationTally>(cancellation, ids)).Cast<ITally>(),
                nameof(VolunteerTally) => (await session.LoadManyAsync<VolunteerTally>(cancellation, ids)).Cast<ITally>(),
                nameof(IndicatorTally) => (await session.LoadManyAsync<IndicatorTally>(cancellation, ids)).Cast<ITally>(),
                nameof(SchoolTally) => (await session.LoadManyAsync<SchoolTally>(cancellation, ids)).Cast<ITally>(),
                _ => throw new InvalidOperationException($"A tally the verification does not know: {group.Key.Name}."),
            };
            Compare(tenant, group.Key.Name, group.ToDictionary(t => t.Id.ToString(), t => (object)t), live.ToDictionary(t => t.Id.ToString(), t => (object)t), differences);
        }
    }

    private async Task CompareSnapshotsAsync(IQuerySession session, string tenant, IReadOnlyList<IEvent> events, List<string> differences, CancellationToken cancellation)
    {
        var byStream = events.GroupBy(e => e.StreamId).ToList();
        foreach (var record in records)
        {
            var compare = CompareSnapshots.MakeGenericMethod(record.RecordType);
            var followed = record.Events.Select(e => e.Type).ToHashSet();
            await (Task)compare.Invoke(this, [session, tenant, byStream.Where(s => followed.Contains(s.First().Data.GetType())).ToList(), differences, cancellation])!;
        }
    }

    private static readonly MethodInfo CompareSnapshots =
        typeof(ProjectionVerifier).GetMethod(nameof(CompareSnapshotsOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The streams of a record type (those whose first event the record follows), aggregated the way the inline projection does.</summary>
    private async Task CompareSnapshotsOfAsync<T>(IQuerySession session, string tenant, List<IGrouping<Guid, IEvent>> mine, List<string> differences, CancellationToken cancellation)
        where T : class
    {
        if (mine.Count == 0)
        {
            return;
        }

        var aggregator = ((StoreOptions)store.Options).Projections.AggregatorFor<T>();
        var replayed = new Dictionary<string, object>();
        foreach (var stream in mine)
        {
            var snapshot = await aggregator.BuildAsync(stream.ToList(), session, null!, cancellation);
            if (snapshot is not null)
            {
                Snapshot<T>.Id.SetValue(snapshot, stream.Key);
                Snapshot<T>.Version.SetValue(snapshot, stream.Last().Version);
                replayed[stream.Key.ToString()] = snapshot;
            }
        }

        var live = await session.LoadManyAsync<T>(cancellation, mine.Select(s => s.Key).ToArray());
        Compare(tenant, typeof(T).Name, replayed, live.ToDictionary(d => Snapshot<T>.Id.GetValue(d)!.ToString()!, d => (object)d), differences);
    }

    /// <summary>Documents of a kind with no stream behind them.</summary>
    private static void Orphans(string tenant, string kind, IEnumerable<Guid> ids, IReadOnlyList<Guid> streams, List<string> differences)
    {
        var known = streams.ToHashSet();
        differences.AddRange(ids.Where(id => !known.Contains(id)).Select(id => $"{tenant} {kind} {id}: the document has no stream behind it"));
    }

    private void Compare(string tenant, string kind, Dictionary<string, object> replayed, Dictionary<string, object> live, List<string> differences)
    {
        var serializer = store.Options.Serializer();
        foreach (var (id, doc) in replayed)
        {
            if (!live.TryGetValue(id, out var stored))
            {
                differences.Add($"{tenant} {kind} {id}: missing from the live projection");
            }
            else if (CanonicalJson.Of(serializer.ToJson(doc)) != CanonicalJson.Of(serializer.ToJson(stored)))
            {
                differences.Add($"{tenant} {kind} {id}: differs from a replay of the log (live {serializer.ToJson(stored)}, replayed {serializer.ToJson(doc)})");
            }
        }

        differences.AddRange(live.Keys.Where(id => !replayed.ContainsKey(id)).Select(id => $"{tenant} {kind} {id}: not produced by a replay of the log"));
    }

    private static class Snapshot<T>
    {
        public static readonly PropertyInfo Id = typeof(T).GetProperty("Id")!;
        public static readonly PropertyInfo Version = typeof(T).GetProperty("Version")!;

    }
}
