using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Progress.Reading;

public static class GetTargetProgressEndpoint
{
    /// <summary>One target, with its per-year series: annual targets year by year, cumulative ones accumulated over the period.</summary>
    [WolverineGet("/api/v1/progress/targets/{code}", OperationId = "GetTargetProgress")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CsvOrJson<TargetProgressDto>> Get(
        string code, [AsParameters] ProgressQuery query, ProgressReader reader, TimeProvider clock, HttpResponse response, CancellationToken cancellation)
    {
        var plan = await reader.PlanAsync(query, cancellation);
        var target = plan.Target(code) ?? throw ProblemException.NotFound("target", code);
        var freshness = await reader.FreshnessAsync(query, cancellation);
        var today = clock.Today();
        var (progress, tag) = await reader.AnswerAsync($"target\n{code}\n{query.Year}\n{today:O}", freshness,
            async snapshot => TargetEvaluation.Evaluate(target, await snapshot.TargetAsync(code, cancellation), query.Year, today, plan.Catalog.Id), cancellation);
        FreshnessHeaders.Write(response, freshness);
        return new CsvOrJson<TargetProgressDto>(progress, ProgressCsv.Target, $"{code}", tag);
    }
}
