using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.GettingHistory;

public static class GetActivityHistoryEndpoint
{
    /// <summary>
    /// Every event of an activity, oldest first, with who recorded it, when, and the correlation id. An attachment of
    /// evidence the caller may not see in full (it shows children under 14 and the caller is a partner, or it expired)
    /// is shown without its address and description.
    /// </summary>
    [WolverineGet("/api/v1/activities/{id}/history", OperationId = "GetActivityHistory")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner's key asks for an activity another institution reported")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<IReadOnlyList<ActivityHistoryEntry>> Get(Guid id, Caller caller, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        var activity = await session.LoadAsync<ActivityRecord>(id, cancellation) ?? throw ProblemException.NotFound("activity", id);
        ActivityAccess.EnsureCanRead(activity, caller);
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        var closed = await YearLocks.ClosedAtAsync(session, cancellation);
        return Entries(events, closed, EvidenceAudience.Of(caller, clock));
    }

    /// <summary>
    /// Each event, marked late when it was recorded after the year the activity counted in (before or after the
    /// event) had been closed.
    /// </summary>
    public static IReadOnlyList<ActivityHistoryEntry> Entries(IReadOnlyList<IEvent> events, IReadOnlyDictionary<int, DateTimeOffset> closedAt, EvidenceAudience audience)
    {
        var expired = events.Select(e => e.Data).OfType<EvidenceExpired>().Select(x => x.EvidenceId).ToHashSet();
        var entries = new List<ActivityHistoryEntry>();
        int? year = null;
        foreach (var e in events)
        {
            var before = year;
            year = e.Data switch
            {
                ActivityReported reported => reported.OccurredOn.Year,
                ActivityCorrected corrected => corrected.OccurredOn.Year,
                _ => year,
            };
            bool LateFor(int? y) => y is { } closedYear && closedAt.TryGetValue(closedYear, out var at) && e.Timestamp > at;
            entries.Add(new ActivityHistoryEntry(
                e.Version,
                e.Sequence,
                e.EventTypeName,
                audience.Show(e.Data, expired),
                e.Timestamp,
                GuidHeader(e, EventMetadataMiddleware.KeyHeader),
                GuidHeader(e, EventMetadataMiddleware.InstitutionHeader),
                e.CorrelationId,
                LateFor(before) || LateFor(year)));
        }

        return entries;
    }

    private static Guid? GuidHeader(IEvent e, string name) =>
        Guid.TryParse(e.GetHeader(name)?.ToString(), out var id) ? id : null;
}
