using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using JasperFx.Events;

namespace Gulou.Events.Api.Progress;

/// <summary>
/// Folds a run of events (in log order, one district) into the progress documents: each record's tally moves
/// from its old state to its new one, and the rollups change by what the record adds now minus what it added
/// before. The projection runs this batch by batch; an as-of review runs it over part of the log in memory.
/// </summary>
public sealed class ProgressFold(CurrentPlan plan)
{
    public async Task ApplyAsync(IProgressStorage storage, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var delta = new RollupDelta();
        await FoldAsync<ActivityTally>(storage, events, delta, cancellation);
        await FoldAsync<DesignationTally>(storage, events, delta, cancellation);
        await FoldAsync<VolunteerTally>(storage, events, delta, cancellation);
        await FoldAsync<IndicatorTally>(storage, events, delta, cancellation);
        await FoldAsync<SchoolTally>(storage, events, delta, cancellation);

        var rollups = await storage.LoadRollupsAsync(delta.RollupIds.ToList(), cancellation);
        var (store, delete) = delta.ApplyTo(rollups);
        foreach (var rollup in store)
        {
            storage.Store(rollup);
        }

        foreach (var id in delete)
        {
            storage.DeleteRollup(id);
        }
    }

    private async Task FoldAsync<T>(IProgressStorage storage, IReadOnlyList<IEvent> events, RollupDelta delta, CancellationToken cancellation)
        where T : class, ITally<T>, new()
    {
        var streams = events.Where(e => T.Follows(e.Data)).GroupBy(e => e.StreamId).ToList();
        if (streams.Count == 0)
        {
            return;
        }

        var tallies = await storage.LoadTalliesAsync<T>(streams.Select(s => s.Key).ToList(), cancellation);
        foreach (var stream in streams)
        {
            var tally = tallies.GetValueOrDefault(stream.Key) ?? new T { Id = stream.Key };
            delta.Add(tally.Contributions(plan).ToList(), -1);
            foreach (var e in stream)
            {
                tally.Apply(e);
            }

            delta.Add(tally.Contributions(plan), +1);
            storage.Store(tally);
        }
    }
}
