namespace Gulou.Events.Contracts.Activities;

public enum VerificationDecision
{
    Verified,
    Rejected,
}

/// <summary>
/// Body of <c>POST /api/v1/activities/{id}/verification</c>. <see cref="Reason"/> is required for a rejection.
/// <see cref="ExpectedVersion"/>, when sent, must be the activity's current version.
/// </summary>
public sealed record VerifyActivity(VerificationDecision? Decision, string? Reason = null, long? ExpectedVersion = null);
