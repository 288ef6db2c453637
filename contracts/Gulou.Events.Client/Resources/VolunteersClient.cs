using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.Client.Resources;

/// <summary>Registered science volunteers, known by a keyed hash of their ID number.</summary>
public sealed class VolunteersClient(ApiConnection api)
{
    public Task<VolunteerDto> RegisterAsync(RegisterVolunteer volunteer, CancellationToken cancellation = default) =>
        api.SendAsync<VolunteerDto>(ApiRoutes.RegisterVolunteer, [], null, volunteer, cancellation);

    public Task<PagedList<VolunteerDto>> ListAsync(Guid? institution = null, int? year = null, int? page = null, int? pageSize = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<VolunteerDto>>(ApiRoutes.ListVolunteers, [],
            new Query().Add("institution", institution).Add("year", year).Add("page", page).Add("pageSize", pageSize), null, cancellation);

    public Task<VolunteerDto> DeregisterAsync(string personKey, DeregisterVolunteer deregistration, CancellationToken cancellation = default) =>
        api.SendAsync<VolunteerDto>(ApiRoutes.DeregisterVolunteer, [personKey], null, deregistration, cancellation);
}
