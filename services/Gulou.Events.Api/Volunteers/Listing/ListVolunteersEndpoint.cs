using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Volunteers;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Volunteers.Listing;

public static class ListVolunteersEndpoint
{
    /// <summary>
    /// Volunteers by person key (never by name or number). With <c>year</c>, those counted at the end of that year.
    /// A partner sees only the volunteers it registered, and only its own registrations of them.
    /// </summary>
    [WolverineGet("/api/v1/volunteers", OperationId = "ListVolunteers")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner's key asks for another institution's volunteers")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PagedList<VolunteerDto>> List(Caller caller, IQuerySession session, Guid? institution, int? year, int? page, int? pageSize, CancellationToken cancellation)
    {
        var (p, size) = Paging.Read(page, pageSize, 500);
        if (caller.IsPartner)
        {
            if (institution is { } other && other != caller.InstitutionId)
            {
                throw ProblemException.Forbidden("A partner may list only the volunteers it registered.");
            }

            institution = caller.InstitutionId;
        }

        var query = session.Query<VolunteerRecord>().AsQueryable();
        if (institution is { } id)
        {
            query = query.Where(v => v.Registrations.Any(r => r.InstitutionId == id));
        }

        var all = await query.OrderBy(v => v.PersonKey).ToListAsync(cancellation);
        var counted = year is { } y ? all.Where(v => CountedAt(v, y)).ToList() : all;
        return new PagedList<VolunteerDto>(
            counted.Skip((p - 1) * size).Take(size).Select(v => v.ToDto(caller.IsPartner ? caller.InstitutionId : null)).ToList(), counted.Count, p, size);
    }

    /// <summary>A volunteer counts at the end of a year when they had joined by then and had not left by then.</summary>
    public static bool CountedAt(VolunteerRecord volunteer, int year)
    {
        var (joined, left) = volunteer.Span();
        return joined.Year <= year && (left is null || left.Value.Year > year);
    }
}
