using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Volunteers;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Volunteers.Verifying;

public static class VerifyVolunteerEndpoint
{
    /// <summary>
    /// The coordinating unit of the plan (or a unit leading the volunteer target's measure) verifies that the person is a
    /// registered science volunteer, or rejects the registration: a rejected volunteer leaves the official figures, and
    /// verified figures count only verified volunteers. The decision stands until a unit decides again.
    /// </summary>
    [WolverinePost("/api/v1/volunteers/{personKey}/verification", OperationId = "VerifyVolunteer")]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<VolunteerDto> Post(string personKey, VerifyRecord request, Caller caller, CurrentPlan plan, PersonRegister register, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var unit = await RecordVerification.UnitAsync(session, caller, cancellation);
        var targets = plan.TargetsOfKind(TargetKind.CumulativeDistinctPersons).ToList();
        if (!targets.Any(t => RecordVerification.CoordinatesOrLeads(unit, t, plan)))
        {
            throw ProblemException.Forbidden("Only the coordinating unit of the plan, or a unit leading the volunteer target's measure, verifies volunteers.");
        }

        var id = PersonKeys.StreamFor(caller.TenantId, personKey);
        var stream = await session.Events.FetchForWriting<VolunteerRecord>(id, cancellation);
        var volunteer = stream.Aggregate ?? throw ProblemException.NotFound("volunteer", personKey);
        var recorded = await RecordVerification.AppendAsync(session, stream, Decide(request, volunteer, unit), events => locks.EnsureOpenAsync<VolunteerTally>(session, caller.InstitutionId, stream.Id, events, cancellation), cancellation);
        return await VolunteerReads.ToDtoAsync(recorded, caller, register, session, cancellation);
    }

    /// <summary>The decision to record, or null when the volunteer already carries it.</summary>
    public static object? Decide(VerifyRecord request, VolunteerRecord volunteer, Institution unit)
    {
        RecordVerification.EnsureNotRecordedBy(unit, volunteer.Registrations.Select(r => r.InstitutionId), "a volunteer");
        if (RecordVerification.Repeats(volunteer.Verification, request))
        {
            return null;
        }

        var reason = FreeText.Normalize(request.Reason);
        return request.Decision == VerificationDecision.Verified
            ? new VolunteerVerified(volunteer.PersonKey, unit.Id, reason)
            : new VolunteerRejected(volunteer.PersonKey, unit.Id, reason!);
    }
}
