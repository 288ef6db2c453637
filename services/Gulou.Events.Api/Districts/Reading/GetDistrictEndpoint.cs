using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Districts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Districts.Reading;

public static class GetDistrictEndpoint
{
    /// <summary>The caller's own district: its code, name and plans.</summary>
    [WolverineGet("/api/v1/district", OperationId = "GetDistrict")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CurrentDistrict> Get(Caller caller, DistrictRegistry registry, DistrictPlans plans, CancellationToken cancellation) =>
        await registry.FindAsync(caller.TenantId, cancellation) is { } district
            ? new CurrentDistrict(district.Code, district.Name, district.Plans)
            : new CurrentDistrict(caller.TenantId, caller.TenantId, plans.Default); // registered before the registry kept districts
}
