using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Plan;

public static class GetPlanEndpoint
{
    /// <summary>
    /// The catalog of the plan in force today (or of <c>plan</c>, by id), in its version in force now: sections,
    /// measures, responsible units, targets and activity kinds.
    /// </summary>
    [WolverineGet("/api/v1/plan", OperationId = "GetPlan")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PlanCatalog> Get(string? plan, DistrictPlanBook book, IQuerySession session, CancellationToken cancellation) =>
        (await book.ResolveAsync(session, plan, cancellation)).Catalog;
}
