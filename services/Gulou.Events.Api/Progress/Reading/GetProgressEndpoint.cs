using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Progress.Reading;

public static class GetProgressEndpoint
{
    /// <summary>Every target of the plan: actual, target, share, status and forecast, for a year or the whole period.</summary>
    [WolverineGet("/api/v1/progress", OperationId = "GetProgress")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CsvOrJson<ProgressOverview>> Get(
        [AsParameters] ProgressQuery query, ProgressReader reader, TimeProvider clock, HttpResponse response, CancellationToken cancellation)
    {
        var plan = await reader.PlanAsync(query, cancellation);
        var freshness = await reader.FreshnessAsync(query, cancellation);
        var today = clock.Today();
        var (targets, tag) = await reader.AnswerAsync($"progress\n{query.Year}\n{today:O}", freshness, async snapshot =>
        {
            var rollups = (await snapshot.ScopeAsync(RollupScope.Target, null, cancellation)).ToLookup(r => r.Target);
            return plan.Catalog.Targets.Select(t => TargetEvaluation.Evaluate(t, rollups[t.Code].ToList(), query.Year, today)).ToList();
        }, cancellation);
        FreshnessHeaders.Write(response, freshness);
        return new CsvOrJson<ProgressOverview>(new ProgressOverview(query.Year, today, freshness, targets), ProgressCsv.Targets, $"progress-{query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "plan"}", tag);
    }
}
