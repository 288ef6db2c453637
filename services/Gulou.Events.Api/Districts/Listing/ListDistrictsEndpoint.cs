using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Districts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Districts.Listing;

public static class ListDistrictsEndpoint
{
    /// <summary>Every district, by code: its name, database, plans and when it was registered.</summary>
    [WolverineGet("/api/v1/admin/districts", OperationId = "ListDistricts")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<IReadOnlyList<DistrictDto>> Get(DistrictRegistry registry, CancellationToken cancellation) =>
        (await registry.ListAsync(cancellation)).Select(d => d.ToDto()).ToList();
}
