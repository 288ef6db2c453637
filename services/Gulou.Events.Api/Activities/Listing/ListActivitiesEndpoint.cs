using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Listing;

public static class ListActivitiesEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Activities, newest first, filtered by institution, measure, kind, year (the year they happened) and status.
    /// A partner lists only its own.
    /// </summary>
    [WolverineGet("/api/v1/activities", OperationId = "ListActivities")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PagedList<ActivityDto>> List(
        Caller caller,
        IQuerySession session,
        Guid? institution,
        string? measure,
        string? kind,
        int? year,
        ActivityStatus? status,
        int? page,
        int? pageSize,
        CancellationToken cancellation)
    {
        var (p, size) = Paging.Read(page, pageSize, MaxPageSize);
        if (caller.IsPartner)
        {
            if (institution is { } other && other != caller.InstitutionId)
            {
                throw ProblemException.Forbidden("A partner may list only the activities it reported.");
            }

            institution = caller.InstitutionId;
        }

        if (year is < 1900 or > 9999)
        {
            throw ProblemException.Invalid("year", "A year has four digits.");
        }

        var query = session.Query<ActivityRecord>().AsQueryable();
        if (institution is { } id)
        {
            query = query.Where(a => a.InstitutionId == id);
        }

        if (!string.IsNullOrEmpty(measure))
        {
            query = query.Where(a => a.MeasureCodes.Contains(measure));
        }

        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (year is { } y)
        {
            query = query.Where(a => a.Year == y);
        }

        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var total = await query.CountAsync(cancellation);
        var items = await query.OrderByDescending(a => a.OccurredOn).ThenBy(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(cancellation);
        return new PagedList<ActivityDto>(items.Select(a => a.ToDto()).ToList(), total, p, size);
    }
}
