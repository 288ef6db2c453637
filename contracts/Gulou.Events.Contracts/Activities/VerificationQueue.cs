namespace Gulou.Events.Contracts.Activities;

/// <summary>What <c>GET /api/v1/verifications?status=</c> lists: activities awaiting a unit's decision, by why they wait.</summary>
public enum AwaitingDecision
{
    /// <summary>Reported (or verified and amended since) and not decided on: status <c>reported</c>.</summary>
    Pending,

    /// <summary>Rejected and amended since by the reporter: status <c>resubmitted</c>.</summary>
    Resubmitted,

    /// <summary>Held above the ceiling of its kind: status <c>needs_review</c>.</summary>
    NeedsReview,
}

/// <summary>
/// Activities of the same kind on the same day, reported by different institutions, whose titles are alike: most
/// likely one event reported several times. <paramref name="Similarity"/> is the weakest likeness (0–1) that links them.
/// </summary>
public sealed record DuplicateGroupDto(string Kind, DateOnly OccurredOn, decimal Similarity, IReadOnlyList<ActivityDto> Activities);
