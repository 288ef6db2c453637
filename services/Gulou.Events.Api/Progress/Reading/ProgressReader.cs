using System.Data;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Progress;
using Marten;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>Reads the rollups of one of the district's plans after waiting, if asked, for the projection to catch up.</summary>
public sealed class ProgressReader(IDocumentStore store, IQuerySession session, ProgressAnswers answers, ProgressPositions positions, DistrictPlanBook plans)
{
    private CurrentPlan? _plan;

    /// <summary>A reader of a plan resolved already (the city view resolves each district's plan itself).</summary>
    public ProgressReader(IDocumentStore store, IQuerySession session, ProgressAnswers answers, ProgressPositions positions, DistrictPlanBook plans, CurrentPlan plan)
        : this(store, session, answers, positions, plans) => _plan = plan;

    /// <summary>The plan read, once <see cref="PlanAsync"/> resolved it.</summary>
    public CurrentPlan Plan => _plan ?? throw new InvalidOperationException("The plan is resolved first.");

    /// <summary>The plan the query names, or the plan in force today (404 for no plan of the district; 400 on <c>year</c> outside its period).</summary>
    public async Task<CurrentPlan> PlanAsync(ProgressQuery query, CancellationToken cancellation) =>
        _plan = await plans.ResolveForYearAsync(session, query.Plan, query.Year, cancellation);

    public async Task<Freshness> FreshnessAsync(ProgressQuery query, CancellationToken cancellation) =>
        await ProgressFreshness.ReadAsync(store, session, positions, query.WaitForSequence, query.WaitForNonStale, query.WaitSeconds, cancellation);

    /// <summary>
    /// The answer of a view at the position <paramref name="freshness"/> read: kept in memory from an earlier request at
    /// that position, or evaluated now from the rollups in one snapshot with the projection's position, and kept when that
    /// snapshot stood at the same position. Returns the entity tag of the answer, or null when it was evaluated at another
    /// position (the projection moved in between: the answer is fresher than the freshness read, and is not kept).
    /// </summary>
    public async Task<(T Answer, string? EntityTag)> AnswerAsync<T>(
        string view, Freshness freshness, Func<ProgressReader, Task<T>> evaluate, CancellationToken cancellation) where T : class
    {
        var key = $"{session.TenantId}\n{Plan.Catalog.Id}\n{Plan.ContentHash}\n{view}";
        var position = freshness.LastAppliedSequence;
        if (answers.TryGet<T>(key, position, out var known))
        {
            return (known, ProgressAnswers.EntityTag(key, freshness));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (answer, kept) = await answers.EvaluateOnceAsync(key, position, () => EvaluateAsync(key, position, evaluate, cancellation)).WaitAsync(cancellation);
                return ((T)answer, kept ? ProgressAnswers.EntityTag(key, freshness) : null);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && attempt < 3)
            {
                // The request that started the evaluation went away; this one evaluates again.
            }
        }
    }

    private async Task<(object Answer, bool Kept)> EvaluateAsync<T>(string key, long position, Func<ProgressReader, Task<T>> evaluate, CancellationToken cancellation)
        where T : class
    {
        await using var snapshot = store.LightweightSession(session.TenantId, IsolationLevel.RepeatableRead);
        await snapshot.BeginTransactionAsync(cancellation);
        var at = await ProgressPositions.AppliedAsync(store, snapshot, cancellation);
        var answer = await evaluate(new ProgressReader(store, snapshot, answers, positions, plans) { _plan = Plan });
        if (at != position)
        {
            return (answer, false);
        }

        answers.Keep(key, position, answer);
        return (answer, true);
    }

    public async Task<IReadOnlyList<Rollup>> ScopeAsync(RollupScope scope, int? year, CancellationToken cancellation)
    {
        var plan = Plan.Catalog.Id;
        var query = session.Query<Rollup>().Where(r => r.Plan == plan && r.Scope == scope);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        return await query.ToListAsync(cancellation);
    }

    public async Task<IReadOnlyList<Rollup>> TargetAsync(string code, CancellationToken cancellation)
    {
        var plan = Plan.Catalog.Id;
        return await session.Query<Rollup>().Where(r => r.Plan == plan && r.Scope == RollupScope.Target && r.Target == code).ToListAsync(cancellation);
    }

    public async Task<IReadOnlyList<Rollup>> MeasureAsync(string code, CancellationToken cancellation)
    {
        var plan = Plan.Catalog.Id;
        return await session.Query<Rollup>().Where(r => r.Plan == plan && r.Scope == RollupScope.Measure && r.Measure == code).ToListAsync(cancellation);
    }
}
