using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Contracts.Designations;
using Marten;

namespace Gulou.Events.Api.Designations;

/// <summary>Designations as answers: a designated person's name and key come from the register, as the caller may see them.</summary>
public static class DesignationReads
{
    public static async Task<IReadOnlyList<DesignationDto>> ToDtosAsync(
        IReadOnlyList<DesignationRecord> designations, Caller? caller, PersonRegister register, IQuerySession session, CancellationToken cancellation)
    {
        var people = await register.ReadAsync(session, designations.Select(d => d.PersonId).OfType<Guid>(), caller, cancellation);
        return designations.Select(d => d.ToDto(d.PersonId is { } id ? people.GetValueOrDefault(id) : null)).ToList();
    }

    public static async Task<DesignationDto> ToDtoAsync(DesignationRecord designation, Caller? caller, PersonRegister register, IQuerySession session, CancellationToken cancellation) =>
        (await ToDtosAsync([designation], caller, register, session, cancellation))[0];
}
