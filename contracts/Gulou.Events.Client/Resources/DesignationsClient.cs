using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;

namespace Gulou.Events.Client.Resources;

/// <summary>Designations awarded by responsible units: certified communities, science bases, studios, backbone teachers.</summary>
public sealed class DesignationsClient(ApiConnection api)
{
    public Task<DesignationDto> RecordAsync(RecordDesignation designation, CancellationToken cancellation = default) =>
        api.SendAsync<DesignationDto>(ApiRoutes.RecordDesignation, [], null, designation, cancellation);

    /// <param name="counted">With <paramref name="target"/>: official (the default) or only verified designations.</param>
    /// <param name="removed">With <paramref name="target"/>: the subjects the target counted and took out by the end of the year.</param>
    public Task<PagedList<DesignationDto>> ListAsync(
        DesignationKind? kind = null, DesignationLevel? level = null, string? target = null, int? year = null, int? page = null, int? pageSize = null,
        CountedAs? counted = null, bool? removed = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<DesignationDto>>(ApiRoutes.ListDesignations, [],
            new Query().Add("kind", kind).Add("level", level).Add("target", target).Add("year", year).Add("page", page).Add("pageSize", pageSize)
                .Add("counted", counted).Add("removed", removed), null, cancellation);

    public Task<DesignationDto> GetAsync(Guid id, CancellationToken cancellation = default) =>
        api.SendAsync<DesignationDto>(ApiRoutes.GetDesignation, [id], null, null, cancellation);

    public Task<DesignationDto> VerifyAsync(Guid id, VerifyDesignation decision, CancellationToken cancellation = default) =>
        api.SendAsync<DesignationDto>(ApiRoutes.VerifyDesignation, [id], null, decision, cancellation);

    public Task<DesignationDto> RevokeAsync(Guid id, RevokeDesignation revocation, CancellationToken cancellation = default) =>
        api.SendAsync<DesignationDto>(ApiRoutes.RevokeDesignation, [id], null, revocation, cancellation);
}
