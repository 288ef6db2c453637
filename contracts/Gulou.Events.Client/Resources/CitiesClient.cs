using Gulou.Events.Contracts.Cities;

namespace Gulou.Events.Client.Resources;

/// <summary>Cities (named sets of districts) and their auditors' keys for the super-administrator; the city's progress for a city auditor.</summary>
public sealed class CitiesClient(ApiConnection api)
{
    public Task<CityCreated> CreateAsync(CreateCity city, CancellationToken cancellation = default) =>
        api.SendAsync<CityCreated>(ApiRoutes.CreateCity, [], null, city, cancellation);

    public Task<IReadOnlyList<CityDto>> ListAsync(CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<CityDto>>(ApiRoutes.ListCities, [], null, null, cancellation);

    public Task<CityDto> AddDistrictAsync(string code, string district, CancellationToken cancellation = default) =>
        api.SendAsync<CityDto>(ApiRoutes.AddCityDistrict, [code], null, new AddCityDistrict(district), cancellation);

    public Task<IssuedCityKey> IssueKeyAsync(string code, string? label = null, CancellationToken cancellation = default) =>
        api.SendAsync<IssuedCityKey>(ApiRoutes.IssueCityKey, [code], new Query().Add("label", label), null, cancellation);

    public Task RevokeKeyAsync(string code, Guid keyId, CancellationToken cancellation = default) =>
        api.SendAsync(ApiRoutes.RevokeCityKey, [code, keyId], null, null, cancellation);

    /// <summary>Each district's plans, with their catalogs in force now.</summary>
    public Task<IReadOnlyList<CityDistrictPlans>> ListPlansAsync(CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<CityDistrictPlans>>(ApiRoutes.ListCityPlans, [], null, null, cancellation);

    /// <summary>The city's targets, district by district and summed where they add up; <paramref name="plan"/> by id, else each district's plan in force.</summary>
    public Task<CityProgress> GetProgressAsync(string? plan = null, ProgressFilter? filter = null, CancellationToken cancellation = default) =>
        api.SendAsync<CityProgress>(ApiRoutes.GetCityProgress, [], (filter ?? new ProgressFilter()).ToQuery().Add("plan", plan), null, cancellation);
}
