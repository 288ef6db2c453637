namespace Gulou.Events.Contracts.Activities;

public enum VerificationDecision
{
    Verified,
    Rejected,
}

/// <summary>Why a report was rejected, as a code. Serialised in snake_case (<c>duplicate_of</c>).</summary>
public enum RejectionReason
{
    /// <summary>The report repeats another activity of the district (named by <c>duplicateOf</c>): the same event reported twice.</summary>
    DuplicateOf,

    /// <summary>Any other reason, given in words.</summary>
    Other,
}

/// <summary>
/// Body of <c>POST /api/v1/activities/{id}/verification</c>. <see cref="Reason"/> is required for a rejection, unless
/// it is a <c>duplicate_of</c> rejection, which names the other activity in <see cref="DuplicateOf"/>.
/// <see cref="ExpectedVersion"/>, when sent, must be the activity's current version.
/// </summary>
public sealed record VerifyActivity(
    VerificationDecision? Decision,
    string? Reason = null,
    long? ExpectedVersion = null,
    RejectionReason? ReasonCode = null,
    Guid? DuplicateOf = null);
