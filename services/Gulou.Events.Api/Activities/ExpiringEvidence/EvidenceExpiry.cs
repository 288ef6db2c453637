using Gulou.Events.Api.Persons.Retention;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Activities.ExpiringEvidence;

/// <summary>
/// Evidence past its <c>expiresOn</c>, for the retention schedule: each expiry is recorded in the activity's stream as
/// <c>evidence_expired</c> (no personal data), which drops the address and description from the activity's record. Reads
/// withhold them from the day after <c>expiresOn</c> already, recorded or not.
/// </summary>
public sealed class EvidenceExpiry : IExpiringRecords
{
    public async Task<IReadOnlyList<EvidenceExpiryDto>> DueAsync(IQuerySession session, DateOnly today, CancellationToken cancellation)
    {
        var activities = await session.Query<ActivityRecord>()
            .Where(a => a.NextEvidenceExpiry != null && a.NextEvidenceExpiry < today)
            .ToListAsync(cancellation);
        return activities
            .SelectMany(a => a.Evidence.Where(e => !e.Expired && EvidenceAudience.IsPast(e.ExpiresOn, today))
                .Select(e => new EvidenceExpiryDto(a.Id, e.Id, e.ExpiresOn!.Value)))
            .OrderBy(e => e.ExpiresOn).ThenBy(e => e.ActivityId).ThenBy(e => e.EvidenceId)
            .ToList();
    }

    /// <summary>Appended to each activity as it stands (its version known), like any change of it, so that its record is folded as a replay folds it.</summary>
    public async Task ExpireAsync(IDocumentSession session, IReadOnlyList<EvidenceExpiryDto> due, CancellationToken cancellation)
    {
        foreach (var activity in due.GroupBy(e => e.ActivityId))
        {
            var stream = await session.Events.FetchForWriting<ActivityRecord>(activity.Key, cancellation);
            stream.AppendMany(activity.Select(e => (object)new EvidenceExpired(e.ActivityId, e.EvidenceId, e.ExpiresOn)).ToArray());
        }
    }
}
