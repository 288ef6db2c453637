using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.Client.Resources;

/// <summary>Institutions and responsible units, and their keys.</summary>
public sealed class InstitutionsClient(ApiConnection api)
{
    public Task<InstitutionDto> RegisterAsync(RegisterInstitution institution, CancellationToken cancellation = default) =>
        api.SendAsync<InstitutionDto>(ApiRoutes.RegisterInstitution, [], null, institution, cancellation);

    public Task<PagedList<InstitutionDto>> ListAsync(Role? role = null, int? page = null, int? pageSize = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<InstitutionDto>>(ApiRoutes.ListInstitutions, [], new Query().Add("role", role).Add("page", page).Add("pageSize", pageSize), null, cancellation);

    public Task<InstitutionDto> GetAsync(Guid id, CancellationToken cancellation = default) =>
        api.SendAsync<InstitutionDto>(ApiRoutes.GetInstitution, [id], null, null, cancellation);

    /// <summary>Issues a key; the key itself is in this answer only.</summary>
    public Task<IssuedKey> IssueKeyAsync(Guid institutionId, string? label = null, CancellationToken cancellation = default) =>
        api.SendAsync<IssuedKey>(ApiRoutes.IssueKey, [institutionId], new Query().Add("label", label), null, cancellation);

    /// <summary>Revokes a key at once.</summary>
    public Task RevokeKeyAsync(Guid keyId, string? reason = null, CancellationToken cancellation = default) =>
        api.SendAsync(ApiRoutes.RevokeKey, [keyId], new Query().Add("reason", reason), null, cancellation);
}
