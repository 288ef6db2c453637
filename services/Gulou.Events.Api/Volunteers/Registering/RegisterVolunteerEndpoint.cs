using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Volunteers;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Volunteers.Registering;

public sealed class RegisterVolunteerValidator : AbstractValidator<RegisterVolunteer>
{
    public RegisterVolunteerValidator(TimeProvider clock)
    {
        // The message never repeats the number: it must not reach logs or answers.
        RuleFor(r => r.IdNumber).Must(ResidentId.IsValid).WithMessage("idNumber is not a valid 18-character resident identity number.");
        RuleFor(r => r.RegisteredOn).NotNull()
            .Must(d => d is null || (d >= new DateOnly(2000, 1, 1) && d <= clock.Today()))
            .WithMessage("registeredOn is a day from 2000-01-01 to today.");
        RuleFor(r => r.Name).Text(PersonFieldRules.MaxName);
        RuleFor(r => r.Contact).Text(PersonFieldRules.MaxContact);
    }
}

public static class RegisterVolunteerEndpoint
{
    /// <summary>
    /// Registers a science volunteer with the institution. Only a keyed hash of the ID number is kept, encrypted in the
    /// person register with the name and contact; the same person registered by two institutions is one volunteer (after
    /// an erasure, the same number registers a new person). Answers with the person key (their id in the register) for
    /// later changes.
    /// </summary>
    [WolverinePost("/api/v1/volunteers", OperationId = "RegisterVolunteer")]
    [Refuses(409, ErrorCodes.VersionConflict, "another request changed the volunteer's record at the same moment")]
    [Refuses(503, ErrorCodes.NotConfigured, "the service has no person-key secret to hash ID numbers under, or no master key for the person register")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static async Task<Results<Created<VolunteerDto>, Ok<VolunteerDto>>> Post(
        RegisterVolunteer request, Caller caller, PersonKeys keys, PersonRegister register, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var idHash = keys.KeyFor(caller.TenantId, request.IdNumber);
        var fields = new PersonFields(FreeText.Normalize(request.Name), FreeText.Normalize(request.Contact), idHash, null);
        var personId = await register.EnlistAsync(session, PersonRoles.Volunteer, idHash, fields, PersonRoles.Volunteer, caller.InstitutionId, cancellation);
        var personKey = personId.ToString("N");
        var id = PersonKeys.StreamFor(caller.TenantId, personKey);
        var stream = await session.Events.FetchForWriting<VolunteerRecord>(id, cancellation);
        var registered = Decide(personKey, request.RegisteredOn!.Value, caller.InstitutionId, stream.Aggregate);
        if (registered is null)
        {
            // A name or contact given again is kept with the person, with no event.
            await session.SaveChangesAsync(cancellation);
            return TypedResults.Ok(await VolunteerReads.ToDtoAsync(stream.Aggregate!, caller, register, session, cancellation));
        }

        var created = stream.Aggregate is null;
        await locks.EnsureOpenAsync<VolunteerTally>(session, caller.InstitutionId, id, [registered], cancellation);
        await NaturalKeyStreams.SaveAsync(session, stream, registered, cancellation);

        var dto = await VolunteerReads.ToDtoAsync((await session.Events.FetchLatest<VolunteerRecord>(id, cancellation))!, caller, register, session, cancellation);
        return created ? TypedResults.Created($"/api/v1/volunteers/{personKey}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>The registration to record, or null when the institution already has the person registered.</summary>
    public static VolunteerRegistered? Decide(string personKey, DateOnly registeredOn, Guid institutionId, VolunteerRecord? existing) =>
        existing?.ActiveRegistration(institutionId) is null ? new VolunteerRegistered(personKey, institutionId, registeredOn) : null;
}
