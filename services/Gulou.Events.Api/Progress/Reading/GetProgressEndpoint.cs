using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Progress;
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
        await reader.PlanAsync(query, cancellation);
        var (overview, tag) = await DistrictProgress.EvaluateAsync(reader, query, clock.Today(), cancellation);
        FreshnessHeaders.Write(response, overview.Freshness);
        return new CsvOrJson<ProgressOverview>(overview, ProgressCsv.Targets, $"progress-{query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "plan"}", tag);
    }
}
