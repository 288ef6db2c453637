using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Volunteers.Deregistering;

public sealed class DeregisterVolunteerValidator : AbstractValidator<DeregisterVolunteer>
{
    public DeregisterVolunteerValidator(TimeProvider clock)
    {
        RuleFor(r => r.LeftOn).NotNull().Must(d => d is null || d <= clock.Today()).WithMessage("leftOn is not in the future.");
        RuleFor(r => r.Reason).Text(500);
    }
}

public static class DeregisterVolunteerEndpoint
{
    /// <summary>Ends the institution's registration of a volunteer, who stays a volunteer while another institution has them.</summary>
    [WolverinePost("/api/v1/volunteers/{personKey}/deregistration", OperationId = "DeregisterVolunteer")]
    [Refuses(409, ErrorCodes.InvalidState, "the institution has no standing registration of the volunteer")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static async Task<VolunteerDto> Post(string personKey, DeregisterVolunteer request, Caller caller, PersonRegister register, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var id = PersonKeys.StreamFor(caller.TenantId, personKey);
        var stream = await session.Events.FetchForWriting<VolunteerRecord>(id, cancellation);
        var volunteer = stream.Aggregate ?? throw ProblemException.NotFound("volunteer", personKey);
        var left = Decide(request, volunteer, caller.InstitutionId);
        await locks.EnsureOpenAsync<VolunteerTally>(session, caller.InstitutionId, id, [left], cancellation);
        stream.AppendOne(left);
        await session.SaveChangesAsync(cancellation);
        return await VolunteerReads.ToDtoAsync((await session.Events.FetchLatest<VolunteerRecord>(id, cancellation))!, caller, register, session, cancellation);
    }

    public static VolunteerDeregistered Decide(DeregisterVolunteer request, VolunteerRecord volunteer, Guid institutionId)
    {
        var registration = volunteer.ActiveRegistration(institutionId)
            ?? throw ProblemException.InvalidState("This institution has no standing registration of the volunteer.");
        var leftOn = request.LeftOn!.Value;
        return leftOn < registration.RegisteredOn
            ? throw ProblemException.Invalid("leftOn", "A volunteer leaves on or after the day they were registered.")
            : new VolunteerDeregistered(volunteer.PersonKey, institutionId, leftOn, FreeText.Normalize(request.Reason));
    }
}
