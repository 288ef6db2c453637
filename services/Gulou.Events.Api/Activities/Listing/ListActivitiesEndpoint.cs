using Gulou.Events.Api.Infrastructure.OpenApi;
using System.Linq.Expressions;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Listing;

public static class ListActivitiesEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Activities, newest first. Filters: institution, measure, kind, year (the year they happened) or toYear,
    /// status, and the drill-down filters target, unit and counted. A partner lists only its own.
    /// </summary>
    [WolverineGet("/api/v1/activities", OperationId = "ListActivities")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner's key asks for another institution's activities")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PagedList<ActivityDto>> List([AsParameters] ActivityQuery query, Caller caller, CurrentPlan plan, IQuerySession session, CancellationToken cancellation)
    {
        var (page, size) = Paging.Read(query.Page, query.PageSize, MaxPageSize);
        var institution = query.Institution;
        if (caller.IsPartner)
        {
            if (institution is { } other && other != caller.InstitutionId)
            {
                throw ProblemException.Forbidden("A partner may list only the activities it reported.");
            }

            institution = caller.InstitutionId;
        }

        var activities = Filter(session.Query<ActivityRecord>(), query with { Institution = institution }, plan);
        var total = await activities.CountAsync(cancellation);
        var items = await activities.OrderByDescending(a => a.OccurredOn).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellation);
        return new PagedList<ActivityDto>(items.Select(a => a.ToDto()).ToList(), total, page, size);
    }

    public static IQueryable<ActivityRecord> Filter(IQueryable<ActivityRecord> activities, ActivityQuery query, CurrentPlan plan)
    {
        if (query.Institution is { } institution)
        {
            activities = activities.Where(a => a.InstitutionId == institution);
        }

        if (query.Measure is { Length: > 0 } measure)
        {
            activities = activities.Where(a => a.MeasureCodes.Contains(measure));
        }

        if (query.Unit is { } unit)
        {
            var led = plan.MeasuresLedBy(unit).ToArray();
            activities = activities.Where(a => a.MeasureCodes.Any(m => m.IsOneOf(led)));
        }

        if (query.Kind is { Length: > 0 } kind)
        {
            activities = activities.Where(a => a.Kind == kind);
        }

        if (query.Year is { } year)
        {
            activities = activities.Where(a => a.Year == year);
        }

        if (query.ToYear is { } toYear)
        {
            activities = activities.Where(a => a.Year >= plan.Period.From && a.Year <= toYear);
        }

        if (query.Status is { } status)
        {
            activities = activities.Where(a => a.Status == status);
        }

        var counted = query.Counted ?? (query.Target is null ? null : CountedAs.Official);
        activities = counted switch
        {
            CountedAs.Official => activities.Where(a => a.Status == ActivityStatus.Reported || a.Status == ActivityStatus.Verified),
            CountedAs.Verified => activities.Where(a => a.Status == ActivityStatus.Verified),
            _ => activities,
        };

        if (query.Target is { } code && plan.Target(code) is { } target)
        {
            var kinds = target.Counting.ActivityKinds?.ToArray() ?? [];
            activities = activities.Where(a => a.Kind.IsOneOf(kinds));
            if (target.Kind == TargetKind.CumulativeDistinctInstitutions && target.Counting.Audience is { } audience)
            {
                activities = activities.Where(Reached(audience));
            }
        }

        return activities;
    }

    /// <summary>The same audience rule as <see cref="ActivityCounting.CountsToward"/>, as a query.</summary>
    private static Expression<Func<ActivityRecord, bool>> Reached(string audience) => audience switch
    {
        AudienceGroups.Youth => a => a.Attendance.Youth > 0,
        AudienceGroups.Workers => a => a.Attendance.Workers > 0,
        AudienceGroups.Elderly => a => a.Attendance.Elderly > 0,
        AudienceGroups.Cadres => a => a.Attendance.Cadres > 0,
        _ => a => a.Attendance.Public > 0,
    };
}
