using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>
/// Every target of a plan in one district, where each stands: the evaluation behind <c>GET /api/v1/progress</c>, which
/// the city view asks of each of its districts. The reader names the district (its session) and the plan.
/// </summary>
public static class DistrictProgress
{
    public static async Task<(ProgressOverview Overview, string? EntityTag)> EvaluateAsync(
        ProgressReader reader, ProgressQuery query, DateOnly today, CancellationToken cancellation)
    {
        var plan = reader.Plan;
        var freshness = await reader.FreshnessAsync(query, cancellation);
        var (targets, tag) = await reader.AnswerAsync($"progress\n{query.Year}\n{today:O}", freshness, async snapshot =>
        {
            var rollups = (await snapshot.ScopeAsync(RollupScope.Target, null, cancellation)).ToLookup(r => r.Target);
            return plan.Catalog.Targets.Select(t => TargetEvaluation.Evaluate(t, rollups[t.Code].ToList(), query.Year, today, plan.Catalog.Id)).ToList();
        }, cancellation);
        return (new ProgressOverview(query.Year, today, freshness, targets), tag);
    }
}
