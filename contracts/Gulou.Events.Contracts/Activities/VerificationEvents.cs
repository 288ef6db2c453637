namespace Gulou.Events.Contracts.Activities;

/// <summary>A unit that may decide on the activity (a lead unit of one of its measures, or the plan's coordinating unit) verified the report.</summary>
/// <param name="UnitCode">The deciding unit's code in the plan catalog; decisions recorded before codes were kept lack it.</param>
public sealed record ActivityVerified(Guid ActivityId, Guid UnitId, string? Note, string? UnitCode = null);

/// <summary>A unit that may decide on the activity rejected the report; it no longer counts.</summary>
/// <param name="UnitCode">The deciding unit's code in the plan catalog; decisions recorded before codes were kept lack it.</param>
/// <param name="ReasonCode">Why, as a code (<c>duplicate_of</c>, <c>other</c>); older rejections lack it.</param>
/// <param name="DuplicateOf">For <c>duplicate_of</c>: the activity of the district this one repeats.</param>
public sealed record ActivityRejected(
    Guid ActivityId,
    Guid UnitId,
    string Reason,
    string? UnitCode = null,
    RejectionReason? ReasonCode = null,
    Guid? DuplicateOf = null);

/// <summary>
/// The report (or an amendment of it) put the activity's person-times above the ceiling of its kind in the plan
/// catalog at that moment: it is held out of the official figures until a unit verifies it. Decided when the report
/// or amendment was written, so that a later change of the catalog never changes the activity's status.
/// </summary>
public sealed record ActivityHeldForReview(Guid ActivityId, string Kind, int PersonTimes, int Ceiling);
