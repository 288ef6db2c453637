using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.GettingDetails;

public static class GetActivityEndpoint
{
    /// <summary>An activity as it stands, with its <c>version</c> for the next change.</summary>
    [WolverineGet("/api/v1/activities/{id}", OperationId = "GetActivity")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner's key asks for an activity another institution reported")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<ActivityDto> Get(Guid id, Caller caller, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        var activity = await session.LoadAsync<ActivityRecord>(id, cancellation) ?? throw ProblemException.NotFound("activity", id);
        ActivityAccess.EnsureCanRead(activity, caller);
        return activity.ToDto(EvidenceAudience.Of(caller, clock));
    }
}
