using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Districts.IssuingKeys;

public static class IssueDistrictKeyEndpoint
{
    /// <summary>
    /// Another administrator key for a district (its administrators lost theirs), shown in this answer only. The
    /// district's own administrators revoke keys as usual.
    /// </summary>
    [WolverinePost("/api/v1/admin/districts/{code}/keys", OperationId = "IssueDistrictKey")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<Created<IssuedKey>> Post(string code, DistrictRegistry registry, CancellationToken cancellation)
    {
        var issued = await registry.IssueAdministratorKeyAsync(code, cancellation);
        return TypedResults.Created($"/api/v1/keys/{issued.KeyId}", issued);
    }
}
