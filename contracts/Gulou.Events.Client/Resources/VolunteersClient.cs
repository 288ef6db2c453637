using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.Client.Resources;

/// <summary>Registered science volunteers, known by their id in the person register.</summary>
public sealed class VolunteersClient(ApiConnection api)
{
    public Task<VolunteerDto> RegisterAsync(RegisterVolunteer volunteer, CancellationToken cancellation = default) =>
        api.SendAsync<VolunteerDto>(ApiRoutes.RegisterVolunteer, [], null, volunteer, cancellation);

    /// <param name="counted">With <paramref name="year"/>: official (the default) or only verified volunteers.</param>
    public Task<PagedList<VolunteerDto>> ListAsync(
        Guid? institution = null, int? year = null, int? page = null, int? pageSize = null, CountedAs? counted = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<VolunteerDto>>(ApiRoutes.ListVolunteers, [],
            new Query().Add("institution", institution).Add("year", year).Add("page", page).Add("pageSize", pageSize).Add("counted", counted), null, cancellation);

    /// <summary>The coordinating unit's decision on a volunteer.</summary>
    public Task<VolunteerDto> VerifyAsync(string personKey, VerifyRecord decision, CancellationToken cancellation = default) =>
        api.SendAsync<VolunteerDto>(ApiRoutes.VerifyVolunteer, [personKey], null, decision, cancellation);

    public Task<VolunteerDto> DeregisterAsync(string personKey, DeregisterVolunteer deregistration, CancellationToken cancellation = default) =>
        api.SendAsync<VolunteerDto>(ApiRoutes.DeregisterVolunteer, [personKey], null, deregistration, cancellation);
}
