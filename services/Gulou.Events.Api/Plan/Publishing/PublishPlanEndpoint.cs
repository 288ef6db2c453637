using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Plan.Publishing;

public static class PublishPlanEndpoint
{
    /// <summary>
    /// Publishes a version of one of the district's plans: the catalog JSON, checked as the shipped catalog is (every
    /// problem under its JSON path in <c>errors</c>) and recorded with its SHA-256. The new version replaces the one
    /// before it from now on; activities dated in its period are reported under it. The same catalog again changes nothing.
    /// </summary>
    [WolverinePut("/api/v1/admin/plans/{planId}", OperationId = "PublishPlan")]
    [Refuses(400, ErrorCodes.MalformedJson, "the body is not JSON or cannot be read as a plan catalog; `errors` names the JSON path")]
    [Refuses(409, ErrorCodes.VersionConflict, "another publication of the plan was recorded at the same moment")]
    [Refuses(409, ErrorCodes.InvalidState, "the plan is the one the service ships with: it changes with its data file")]
    [Authorize(Roles = AccessRoles.Admin)]
    [RawRequestBody("application/json")]
    public static async Task<PlanPublishedDto> Put(
        string planId, HttpRequest request, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Unsupported media type",
                "Send the catalog with Content-Type: application/json.");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellation);
        return await PlanPublication.PublishAsync(
            session, book, planId, body.ToArray(), $"institution {caller.InstitutionId} (key {caller.KeyId})", clock.GetUtcNow(), cancellation);
    }
}
