using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Cities;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.Listing;

public static class ListCitiesEndpoint
{
    /// <summary>Every city, by code: its name, its districts and when it was registered.</summary>
    [WolverineGet("/api/v1/admin/cities", OperationId = "ListCities")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<IReadOnlyList<CityDto>> Get(CityRegistry registry, CancellationToken cancellation) =>
        (await registry.ListAsync(cancellation)).Select(c => c.ToDto()).ToList();
}
