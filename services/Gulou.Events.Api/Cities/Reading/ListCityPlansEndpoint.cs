using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Plan.Listing;
using Gulou.Events.Contracts.Cities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.Reading;

public static class ListCityPlansEndpoint
{
    /// <summary>
    /// The plans of each district of the caller's city, as the district's own <c>GET /api/v1/plans</c> lists them, each
    /// with its catalog in the version in force now: what the city's progress is evaluated with.
    /// </summary>
    [WolverineGet("/api/v1/city/plans", OperationId = "ListCityPlans")]
    [Authorize(Roles = AccessRoles.CityAuditor)]
    public static async Task<IReadOnlyList<CityDistrictPlans>> Get(
        HttpContext context, CityRegistry cities, DistrictRegistry districts, DistrictPlanBook book, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        var city = await cities.OfCallerAsync(context.User, cancellation);
        var answer = new List<CityDistrictPlans>();
        foreach (var district in city.Districts)
        {
            await using var session = store.QuerySession(district);
            var plans = await book.AllAsync(session, cancellation);
            var listed = ListPlansEndpoint.Describe(plans, clock.Today());
            var name = (await districts.FindAsync(district, cancellation))?.Name ?? district;
            answer.Add(new CityDistrictPlans(district, name, plans.Zip(listed, (plan, dto) => new CityPlanDto(dto, plan.At(clock.GetUtcNow()).Catalog)).ToList()));
        }

        return answer;
    }
}
