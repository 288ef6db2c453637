using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.Client.Resources;

/// <summary>The key's own district; with the super-administrator's key, the districts of the deployment.</summary>
public sealed class DistrictsClient(ApiConnection api)
{
    public Task<CurrentDistrict> GetOwnAsync(CancellationToken cancellation = default) =>
        api.SendAsync<CurrentDistrict>(ApiRoutes.GetDistrict, [], null, null, cancellation);

    public Task<DistrictCreated> CreateAsync(CreateDistrict district, CancellationToken cancellation = default) =>
        api.SendAsync<DistrictCreated>(ApiRoutes.CreateDistrict, [], null, district, cancellation);

    public Task<IReadOnlyList<DistrictDto>> ListAsync(CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<DistrictDto>>(ApiRoutes.ListDistricts, [], null, null, cancellation);

    public Task<IssuedKey> IssueAdministratorKeyAsync(string code, CancellationToken cancellation = default) =>
        api.SendAsync<IssuedKey>(ApiRoutes.IssueDistrictKey, [code], null, null, cancellation);
}
