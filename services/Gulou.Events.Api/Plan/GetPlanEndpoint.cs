using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Plan;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Plan;

public static class GetPlanEndpoint
{
    /// <summary>The plan catalog: sections, measures, responsible units, targets and activity kinds.</summary>
    [WolverineGet("/api/v1/plan", OperationId = "GetPlan")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static PlanCatalog Get(CurrentPlan plan) => plan.Catalog;
}
