using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Plan.Listing;

public static class ListPlansEndpoint
{
    /// <summary>The district's plans by period, each with its versions (who published it, when, the catalog's SHA-256) and whether it is in force today.</summary>
    [WolverineGet("/api/v1/plans", OperationId = "ListPlans")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<IReadOnlyList<PlanDto>> Get(DistrictPlanBook book, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
        => Describe(await book.AllAsync(session, cancellation), clock.Today());

    /// <summary>A district's plans, each with its versions and whether it is in force on <paramref name="today"/>.</summary>
    public static IReadOnlyList<PlanDto> Describe(IReadOnlyList<LoadedPlan> plans, DateOnly today)
    {
        var inForce = DistrictPlanBook.InForceOn(plans, today);
        return plans.Select(p => new PlanDto(p.PlanId, p.Latest.Catalog.Title, p.Latest.Catalog.Period, p == inForce, p.Versions.Select(v => v.ToDto()).ToList())).ToList();
    }
}
