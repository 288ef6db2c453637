using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Cities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.IssuingKeys;

public static class IssueCityKeyEndpoint
{
    /// <summary>Another city auditor's key for a city, shown in this answer only; <c>label</c> says whose it is.</summary>
    [WolverinePost("/api/v1/admin/cities/{code}/keys", OperationId = "IssueCityKey")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<Created<IssuedCityKey>> Post(string code, string? label, CityRegistry registry, CancellationToken cancellation)
    {
        var issued = await registry.IssueKeyAsync(code, label, cancellation);
        return TypedResults.Created($"/api/v1/admin/cities/{code}/keys/{issued.KeyId}", issued);
    }
}
