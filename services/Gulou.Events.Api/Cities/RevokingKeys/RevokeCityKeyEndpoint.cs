using Gulou.Events.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.RevokingKeys;

public static class RevokeCityKeyEndpoint
{
    /// <summary>Revokes a city auditor's key: it works no more from this answer on. Revoking a revoked key changes nothing.</summary>
    [WolverineDelete("/api/v1/admin/cities/{code}/keys/{keyId}", OperationId = "RevokeCityKey")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<NoContent> Delete(string code, Guid keyId, CityRegistry registry, CancellationToken cancellation)
    {
        await registry.RevokeKeyAsync(code, keyId, cancellation);
        return TypedResults.NoContent();
    }
}
