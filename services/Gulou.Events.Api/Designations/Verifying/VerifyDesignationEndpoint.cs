using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Designations.Verifying;

public sealed class VerifyDesignationValidator : VerificationRequestValidator<VerifyDesignation>;

public static class VerifyDesignationEndpoint
{
    /// <summary>
    /// A unit that answers for the target the designation counts toward, and did not record the award, verifies or
    /// rejects the awards at one level (or every award of the subject). Official figures leave rejected awards out;
    /// verified figures count only verified ones. A unit deciding on an award it recorded itself gets 403.
    /// </summary>
    [WolverinePost("/api/v1/designations/{id}/verification", OperationId = "VerifyDesignation")]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<DesignationDto> Post(Guid id, VerifyDesignation request, Caller caller, CurrentPlan plan, PersonRegister register, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var unit = await RecordVerification.UnitAsync(session, caller, cancellation);
        var stream = await session.Events.FetchForWriting<DesignationRecord>(id, cancellation);
        var designation = stream.Aggregate ?? throw ProblemException.NotFound("designation", id);
        RecordVerification.EnsureAnswersFor(unit, plan.DesignationTargets(designation.Kind), plan, "designations of this kind");

        var recorded = await RecordVerification.AppendAsync(session, stream, Decide(request, designation, unit), events => locks.EnsureOpenAsync<DesignationTally>(session, caller.InstitutionId, id, events, cancellation), cancellation);
        return await DesignationReads.ToDtoAsync(recorded, caller, register, session, cancellation);
    }

    /// <summary>The decision to record, or null when every award it covers already carries it.</summary>
    public static object? Decide(VerifyDesignation request, DesignationRecord designation, Institution unit)
    {
        var awards = designation.AwardsAt(request.Level).ToList();
        if (awards.Count == 0)
        {
            throw ProblemException.InvalidState($"'{designation.SubjectKey}' has no award at {request.Level.ToString()!.ToLowerInvariant()} level.");
        }

        RecordVerification.EnsureNotRecordedBy(unit, awards.Select(a => a.UnitId), "a designation");
        if (awards.All(a => RecordVerification.Repeats(a.Verification, request)))
        {
            return null;
        }

        var reason = FreeText.Normalize(request.Reason);
        return request.Decision == VerificationDecision.Verified
            ? new DesignationVerified(designation.Id, request.Level, unit.Id, reason)
            : new DesignationRejected(designation.Id, request.Level, unit.Id, reason!);
    }
}
