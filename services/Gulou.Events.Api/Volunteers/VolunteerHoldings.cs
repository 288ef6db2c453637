using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Persons.Retention;
using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Volunteers;

/// <summary>
/// What the volunteers hold on a person: their volunteer record for the export (a partner sees only its own
/// registrations), and those let go more than <see cref="GulouSettings.VolunteerRetentionYears"/> years ago for the
/// retention schedule.
/// </summary>
public sealed class VolunteerHoldings(GulouSettings settings) : IHoldsPersons
{
    public async Task AddToExportAsync(IQuerySession session, Guid personId, Caller caller, PersonDto? view, PersonExport into, CancellationToken cancellation)
    {
        var volunteer = await session.LoadAsync<VolunteerRecord>(PersonKeys.StreamFor(caller.TenantId, personId.ToString("N")), cancellation);
        into.Volunteer = volunteer?.ToDto(caller.IsPartner ? caller.InstitutionId : null, view);
    }

    public async Task<IReadOnlyList<RetentionItemDto>> PastRetentionAsync(IQuerySession session, DateOnly today, CancellationToken cancellation)
    {
        var years = settings.VolunteerRetentionYears;
        var volunteers = await session.Query<VolunteerRecord>().ToListAsync(cancellation);
        return volunteers
            .Where(v => v is { Active: false, PersonId: not null } && v.Registrations.Count > 0)
            .Select(v => (Id: v.PersonId!.Value, LeftOn: v.Span().Left ?? today))
            .Where(v => RetentionSchedule.RetainedUntil(v.LeftOn, years) < today)
            .Select(v => new RetentionItemDto(v.Id, PersonRoles.Volunteer, v.LeftOn, RetentionSchedule.RetainedUntil(v.LeftOn, years)))
            .ToList();
    }
}
