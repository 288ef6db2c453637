using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Activities;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.GettingHistory;

public static class GetActivityHistoryEndpoint
{
    /// <summary>Every event of an activity, oldest first, with who recorded it, when, and the correlation id.</summary>
    [WolverineGet("/api/v1/activities/{id}/history", OperationId = "GetActivityHistory")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<IReadOnlyList<ActivityHistoryEntry>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken cancellation)
    {
        var activity = await session.LoadAsync<ActivityRecord>(id, cancellation) ?? throw ProblemException.NotFound("activity", id);
        ActivityAccess.EnsureCanRead(activity, caller);
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        return events.Select(ToEntry).ToList();
    }

    public static ActivityHistoryEntry ToEntry(IEvent e) => new(
        e.Version,
        e.Sequence,
        e.EventTypeName,
        e.Data,
        e.Timestamp,
        GuidHeader(e, EventMetadataMiddleware.KeyHeader),
        GuidHeader(e, EventMetadataMiddleware.InstitutionHeader),
        e.CorrelationId);

    private static Guid? GuidHeader(IEvent e, string name) =>
        Guid.TryParse(e.GetHeader(name)?.ToString(), out var id) ? id : null;
}
