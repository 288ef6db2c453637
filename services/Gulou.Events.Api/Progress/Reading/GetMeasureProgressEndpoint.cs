using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Progress.Reading;

public static class GetMeasureProgressEndpoint
{
    /// <summary>Plain counts for every measure, by section order: activities, person-times by audience, distinct institutions, volunteer hours.</summary>
    [WolverineGet("/api/v1/progress/measures", OperationId = "ListMeasureProgress")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CsvOrJson<MeasuresOverview>> List(
        [AsParameters] ProgressQuery query, ProgressReader reader, HttpResponse response, CancellationToken cancellation)
    {
        var plan = await reader.PlanAsync(query, cancellation);
        var freshness = await reader.FreshnessAsync(query, cancellation);
        var (measures, tag) = await reader.AnswerAsync($"measures\n{query.Year}", freshness, async snapshot =>
        {
            var rollups = (await snapshot.ScopeAsync(RollupScope.Measure, query.Year, cancellation)).ToLookup(r => r.Measure);
            return plan.Catalog.Measures.Select(m => MeasureEvaluation.Describe(m, rollups[m.Code].ToList(), query.Year, plan.Period, plan.Catalog.Id)).ToList();
        }, cancellation);
        FreshnessHeaders.Write(response, freshness);
        return new CsvOrJson<MeasuresOverview>(new MeasuresOverview(query.Year, freshness, measures), ProgressCsv.Measures, "measures", tag);
    }

    /// <summary>One measure's counts, official and verified, with the figures of each year.</summary>
    [WolverineGet("/api/v1/progress/measures/{code}", OperationId = "GetMeasureProgress")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CsvOrJson<MeasureProgressDto>> Get(
        string code, [AsParameters] ProgressQuery query, ProgressReader reader, HttpResponse response, CancellationToken cancellation)
    {
        var plan = await reader.PlanAsync(query, cancellation);
        var measure = plan.Measure(code) ?? throw ProblemException.NotFound("measure", code);
        var freshness = await reader.FreshnessAsync(query, cancellation);
        var (progress, tag) = await reader.AnswerAsync($"measure\n{code}\n{query.Year}", freshness,
            async snapshot => MeasureEvaluation.Describe(measure, await snapshot.MeasureAsync(code, cancellation), query.Year, plan.Period, plan.Catalog.Id), cancellation);
        FreshnessHeaders.Write(response, freshness);
        return new CsvOrJson<MeasureProgressDto>(progress, ProgressCsv.Measure, code, tag);
    }
}
