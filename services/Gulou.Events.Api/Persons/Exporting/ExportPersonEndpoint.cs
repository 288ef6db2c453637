using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Persons;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Persons.Exporting;

public static class ExportPersonEndpoint
{
    /// <summary>
    /// Everything the register holds on a person, decrypted, as JSON (PIPL Art. 45): their fields, the keyed hash of their
    /// ID number, what they were registered or designated as and by whom, and the records that name them. For an
    /// administrator, a unit or an auditor, or the partner that registered the person; after an erasure, what is left.
    /// </summary>
    [WolverineGet("/api/v1/persons/{personId}/export", OperationId = "ExportPerson")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner asks for a person it did not register")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PersonExportDto> Get(Guid personId, Caller caller, PersonRegister register, IEnumerable<IHoldsPersons> holders, IQuerySession session, CancellationToken cancellation)
    {
        var person = await session.LoadAsync<PersonRecord>(personId, cancellation) ?? throw ProblemException.NotFound("person", personId);
        if (!PersonRegister.MaySee(caller, person))
        {
            throw ProblemException.Forbidden("A partner exports only the people it registered.");
        }

        var fields = await register.FieldsAsync(session, person, cancellation);
        var view = await register.ReadAsync(session, personId, caller, cancellation);
        var held = new PersonExport();
        foreach (var holder in holders)
        {
            await holder.AddToExportAsync(session, personId, caller, view, held, cancellation);
        }

        var erased = person.Erased ? PersonDto.ErasedText : null;
        return new PersonExportDto(
            person.Id,
            person.RegisteredAt,
            person.Roles,
            caller.IsPartner ? [caller.InstitutionId] : person.RegisteredBy,
            erased ?? fields?.Name,
            erased ?? fields?.Contact,
            erased ?? fields?.IdNumberHash,
            erased ?? fields?.SubjectKey,
            held.Volunteer,
            held.Designations,
            person.Erasure);
    }
}
