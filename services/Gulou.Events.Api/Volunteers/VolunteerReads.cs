using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Contracts.Volunteers;
using Marten;

namespace Gulou.Events.Api.Volunteers;

/// <summary>Volunteers as answers: each with the person's fields from the register, as the caller may see them.</summary>
public static class VolunteerReads
{
    public static async Task<IReadOnlyList<VolunteerDto>> ToDtosAsync(
        IReadOnlyList<VolunteerRecord> volunteers, Caller caller, PersonRegister register, IQuerySession session, CancellationToken cancellation)
    {
        var people = await register.ReadAsync(session, volunteers.Select(v => v.PersonId).OfType<Guid>(), caller, cancellation);
        return volunteers
            .Select(v => v.ToDto(caller.IsPartner ? caller.InstitutionId : null, v.PersonId is { } id ? people.GetValueOrDefault(id) : null))
            .ToList();
    }

    public static async Task<VolunteerDto> ToDtoAsync(VolunteerRecord volunteer, Caller caller, PersonRegister register, IQuerySession session, CancellationToken cancellation) =>
        (await ToDtosAsync([volunteer], caller, register, session, cancellation))[0];
}
