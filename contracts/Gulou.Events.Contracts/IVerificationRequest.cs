using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Contracts;

/// <summary>A unit's decision on a record another unit or institution recorded: verified, or rejected with a reason.</summary>
public interface IVerificationRequest
{
    VerificationDecision? Decision { get; }

    string? Reason { get; }
}

/// <summary>Body of <c>POST /api/v1/volunteers/{personKey}/verification</c> and of an indicator observation's verification.</summary>
public sealed record VerifyRecord(VerificationDecision? Decision, string? Reason = null) : IVerificationRequest;
