using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Volunteers;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Volunteers.Listing;

public static class ListVolunteersEndpoint
{
    /// <summary>
    /// Volunteers by person key (never by name or number), each with the person's name and contact for those who may see them. With <c>year</c>, those the volunteer target counts at the end
    /// of that year (with <c>counted=verified</c>, only verified ones). A partner sees only the volunteers it registered,
    /// and only its own registrations of them.
    /// </summary>
    /// <param name="counted">official (the default) or verified; only with <c>year</c>.</param>
    [WolverineGet("/api/v1/volunteers", OperationId = "ListVolunteers")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner's key asks for another institution's volunteers")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PagedList<VolunteerDto>> List(
        Caller caller, CurrentPlan plan, PersonRegister register, IQuerySession session, Guid? institution, int? year, string? counted, int? page, int? pageSize, CancellationToken cancellation)
    {
        var (p, size) = Paging.Read(page, pageSize, 500);
        var countedAs = Codes.ParseQuery<CountedAs>("counted", counted) ?? CountedAs.Official;
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
        var targets = plan.TargetsOfKind(TargetKind.CumulativeDistinctPersons).ToList();
        var listed = year is { } y
            ? all.Where(v => targets.Any(t => VolunteerCounting.SpanOf(v, t, plan.Period)?.ListedAt(y, countedAs, removed: false) == true)).ToList()
            : all;
        var items = await VolunteerReads.ToDtosAsync(listed.Skip((p - 1) * size).Take(size).ToList(), caller, register, session, cancellation);
        return new PagedList<VolunteerDto>(items, listed.Count, p, size);
    }
}
