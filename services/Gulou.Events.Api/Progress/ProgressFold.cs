using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Contracts.Plan;
using JasperFx.Events;

namespace Gulou.Events.Api.Progress;

/// <summary>
/// Folds a run of events (in log order, one district) into the progress documents: each record's tally moves
/// from its old state to its new one, and the rollups change by what the record adds now minus what it added
/// before, under every plan that counts it. A plan's publication met in the log recounts every record under that
/// plan's new version, so at each point of the log a plan's rollups are those of the version published by then,
/// whichever way the log is cut into batches. The projection runs this batch by batch; an as-of review runs it over
/// part of the log in memory.
/// </summary>
public sealed class ProgressFold(CurrentPlan shipped)
{
    public async Task ApplyAsync(IProgressStorage storage, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var plans = new CountingPlans(shipped, (await storage.LoadPlansAsync(cancellation)).Select(p => p.Plan()));
        var start = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is IEvent<PlanCatalogPublished> published)
            {
                await FoldRecordsAsync(storage, events.Skip(start).Take(i - start).ToList(), plans, cancellation);
                plans = await PublishAsync(storage, published, plans, cancellation);
                start = i + 1;
            }
        }

        await FoldRecordsAsync(storage, start == 0 ? events : events.Skip(start).ToList(), plans, cancellation);
    }

    private static async Task FoldRecordsAsync(IProgressStorage storage, IReadOnlyList<IEvent> events, CountingPlans plans, CancellationToken cancellation)
    {
        if (events.Count == 0)
        {
            return;
        }

        var delta = new RollupDelta();
        foreach (var kind in Kinds)
        {
            await kind.FoldAsync(storage, events, plans, delta, cancellation);
        }

        await ApplyAsync(storage, delta, plans, cancellation);
    }

    /// <summary>A plan's new version: every record leaves the plan's figures as the version before counted it and enters them as this one does.</summary>
    private static async Task<CountingPlans> PublishAsync(IProgressStorage storage, IEvent<PlanCatalogPublished> published, CountingPlans plans, CancellationToken cancellation)
    {
        var tally = (await storage.LoadPlansAsync(cancellation)).FirstOrDefault(p => p.Id == published.StreamId) ?? new PlanTally { Id = published.StreamId };
        tally.Apply(published);
        storage.Store(tally);

        var before = plans.Named(tally.PlanId);
        var after = tally.Plan();
        if (before == after)
        {
            return plans;
        }

        var delta = new RollupDelta();
        foreach (var kind in Kinds)
        {
            await kind.RecountAsync(storage, before, after, delta, cancellation);
        }

        // Every member of the plan is touched: one counted new in a year of the old version's period moves to the new one's.
        var now = plans.With(after);
        await ApplyAsync(storage, delta, now, cancellation);
        return now;
    }

    /// <summary>The members first, whose changes move the institution counts of the rollups; then the rollups.</summary>
    private static async Task ApplyAsync(IProgressStorage storage, RollupDelta delta, CountingPlans plans, CancellationToken cancellation)
    {
        var members = await storage.LoadMembersAsync(delta.MemberIds.ToList(), cancellation);
        var (keep, drop) = delta.ApplyTo(members, plans.PeriodOf);
        foreach (var member in keep)
        {
            storage.Store(member);
        }

        foreach (var id in drop)
        {
            storage.DeleteMember(id);
        }

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

    /// <summary>The kinds of record the figures are made of, each with its tally.</summary>
    private static readonly IRecordKind[] Kinds = [new RecordKind<ActivityTally>(), new RecordKind<DesignationTally>(), new RecordKind<VolunteerTally>(), new RecordKind<IndicatorTally>(), new RecordKind<SchoolTally>()];

    private interface IRecordKind
    {
        Task FoldAsync(IProgressStorage storage, IReadOnlyList<IEvent> events, CountingPlans plans, RollupDelta delta, CancellationToken cancellation);

        Task RecountAsync(IProgressStorage storage, CurrentPlan? before, CurrentPlan after, RollupDelta delta, CancellationToken cancellation);
    }

    private sealed class RecordKind<T> : IRecordKind where T : class, ITally<T>, new()
    {
        public async Task FoldAsync(IProgressStorage storage, IReadOnlyList<IEvent> events, CountingPlans plans, RollupDelta delta, CancellationToken cancellation)
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
                delta.Add(plans.Contributions(tally).ToList(), -1);
                foreach (var e in stream)
                {
                    tally.Apply(e);
                }

                delta.Add(plans.Contributions(tally), +1);
                storage.Store(tally);
            }
        }

        public async Task RecountAsync(IProgressStorage storage, CurrentPlan? before, CurrentPlan after, RollupDelta delta, CancellationToken cancellation)
        {
            foreach (var tally in await storage.AllTalliesAsync<T>(cancellation))
            {
                if (before is not null)
                {
                    delta.Add(CountingPlans.Under(tally, before).ToList(), -1);
                }

                delta.Add(CountingPlans.Under(tally, after), +1);
            }
        }
    }
}
