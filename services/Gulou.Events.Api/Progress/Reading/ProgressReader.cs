using System.Data;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Progress;
using Marten;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>Reads the district's rollups after waiting, if asked, for the projection to catch up.</summary>
public sealed class ProgressReader(IDocumentStore store, IQuerySession session, ProgressAnswers answers, CurrentPlan plan)
{
    /// <summary>The plan whose figures this reader's answers are evaluated for.</summary>
    public CurrentPlan Plan => plan;

    public async Task<Freshness> FreshnessAsync(ProgressQuery query, CancellationToken cancellation) =>
        await ProgressFreshness.ReadAsync(store, session, query.WaitForSequence, query.WaitForNonStale, query.WaitSeconds, cancellation);

    /// <summary>
    /// The answer of a view at the position <paramref name="freshness"/> read: kept in memory from an earlier request at
    /// that position, or evaluated now from the rollups in one snapshot with the projection's position, and kept when that
    /// snapshot stood at the same position. Returns the entity tag of the answer, or null when it was evaluated at another
    /// position (the projection moved in between: the answer is fresher than the freshness read, and is not kept).
    /// </summary>
    public async Task<(T Answer, string? EntityTag)> AnswerAsync<T>(
        string view, Freshness freshness, Func<ProgressReader, Task<T>> evaluate, CancellationToken cancellation) where T : class
    {
        var key = $"{session.TenantId}\n{plan.ContentHash}\n{view}";
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
        var at = await ProgressFreshness.AppliedAsync(store, snapshot, cancellation);
        var answer = await evaluate(new ProgressReader(store, snapshot, answers, plan));
        if (at != position)
        {
            return (answer, false);
        }

        answers.Keep(key, position, answer);
        return (answer, true);
    }

    public async Task<IReadOnlyList<Rollup>> ScopeAsync(RollupScope scope, int? year, CancellationToken cancellation)
    {
        var query = session.Query<Rollup>().Where(r => r.Scope == scope);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        return await query.ToListAsync(cancellation);
    }

    public async Task<IReadOnlyList<Rollup>> TargetAsync(string code, CancellationToken cancellation) =>
        await session.Query<Rollup>().Where(r => r.Scope == RollupScope.Target && r.Target == code).ToListAsync(cancellation);

    public async Task<IReadOnlyList<Rollup>> MeasureAsync(string code, CancellationToken cancellation) =>
        await session.Query<Rollup>().Where(r => r.Scope == RollupScope.Measure && r.Measure == code).ToListAsync(cancellation);
}
