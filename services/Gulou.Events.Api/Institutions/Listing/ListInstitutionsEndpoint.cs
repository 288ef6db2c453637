using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Institutions.Listing;

public static class ListInstitutionsEndpoint
{
    private const int MaxPageSize = 500;

    /// <summary>Institutions and units of the district in the order they were registered, with their keys (never the keys themselves).</summary>
    [WolverineGet("/api/v1/institutions", OperationId = "ListInstitutions")]
    [Authorize(Roles = "admin,auditor")]
    public static async Task<PagedList<InstitutionDto>> List(IQuerySession session, Role? role, int? page, int? pageSize, CancellationToken cancellation)
    {
        var (p, size) = Paging.Read(page, pageSize, MaxPageSize);
        var query = session.Query<Institution>().AsQueryable();
        if (role is { } r)
        {
            query = query.Where(i => i.Role == r);
        }

        var total = await query.CountAsync(cancellation);
        var institutions = await query.OrderBy(i => i.RegisteredAt).ThenBy(i => i.Id).Skip((p - 1) * size).Take(size).ToListAsync(cancellation);
        var ids = institutions.Select(i => i.Id).ToArray();
        var keys = (await session.Query<ApiKeyRecord>().Where(k => k.InstitutionId.IsOneOf(ids)).ToListAsync(cancellation)).ToLookup(k => k.InstitutionId);
        return new PagedList<InstitutionDto>(institutions.Select(i => i.ToDto(keys[i.Id])).ToList(), total, p, size);
    }

    /// <summary>An institution or unit, with its keys (never the keys themselves).</summary>
    [WolverineGet("/api/v1/institutions/{id}", OperationId = "GetInstitution")]
    [Authorize(Roles = "admin,auditor")]
    public static async Task<InstitutionDto> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var institution = await session.LoadAsync<Institution>(id, cancellation) ?? throw ProblemException.NotFound("institution", id);
        var keys = await session.Query<ApiKeyRecord>().Where(k => k.InstitutionId == id).ToListAsync(cancellation);
        return institution.ToDto(keys);
    }
}
