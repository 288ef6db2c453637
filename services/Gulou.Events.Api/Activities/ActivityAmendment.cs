using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Activities;
using Marten;

namespace Gulou.Events.Api.Activities;

/// <summary>
/// The one way an existing activity changes: load it, check who may act, check the expected version,
/// let a pure decision produce events, refuse them when they would change a closed year, append them under
/// optimistic concurrency, answer with the new state.
/// </summary>
public static class ActivityAmendment
{
    public static async Task<ActivityDto> ApplyAsync(
        IDocumentSession session,
        Guid id,
        long? expectedVersion,
        Action<ActivityRecord> authorize,
        Func<ActivityRecord, IReadOnlyList<object>> decide,
        EvidenceAudience audience,
        YearLocks locks,
        CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<ActivityRecord>(id, cancellation);
        var activity = stream.Aggregate ?? throw ProblemException.NotFound("activity", id);
        authorize(activity);

        var current = stream.CurrentVersion ?? activity.Version;
        if (expectedVersion is { } expected && expected != current)
        {
            throw ProblemException.StaleVersion(expected, current);
        }

        var events = decide(activity);
        if (events.Count == 0)
        {
            return activity.ToDto(audience);
        }

        await locks.EnsureOpenAsync<ActivityTally>(session, activity.InstitutionId, id, events, cancellation);
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellation);
        var latest = await session.Events.FetchLatest<ActivityRecord>(id, cancellation);
        return latest!.ToDto(audience);
    }
}
