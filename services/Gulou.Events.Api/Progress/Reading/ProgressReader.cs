using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Progress;
using Marten;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>Reads the district's rollups after waiting, if asked, for the projection to catch up.</summary>
public sealed class ProgressReader(IDocumentStore store, IQuerySession session)
{
    public async Task<Freshness> FreshnessAsync(ProgressQuery query, CancellationToken cancellation) =>
        await ProgressFreshness.ReadAsync(store, session, query.WaitForSequence, query.WaitForNonStale, query.WaitSeconds, cancellation);

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
