using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Export;
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
    /// Activities, newest first. Filters: institution, involving (reported or hosted), measure, kind, year (the year
    /// they happened) or toYear, status, and the drill-down filters target, unit and counted. A partner lists only its
    /// own. <c>Accept: text/csv</c> exports the page.
    /// </summary>
    [WolverineGet("/api/v1/activities", OperationId = "ListActivities")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Refuses(403, ErrorCodes.Forbidden, "a partner's key asks for another institution's activities")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CsvOrJson<PagedList<ActivityDto>>> List(
        [AsParameters] ActivityQuery query, Caller caller, DistrictPlanBook plans, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        var plan = await plans.ForQueryAsync(session, query.Plan, query.Year ?? query.ToYear, query.CodesOf, cancellation);
        query.Check(plan);
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
        var list = new PagedList<ActivityDto>(items.Select(a => a.ToDto(EvidenceAudience.Of(caller, clock))).ToList(), total, page, size);
        return new CsvOrJson<PagedList<ActivityDto>>(list, Csv, $"activities-{page}");
    }

    /// <summary>The activities a query selects, by the same rules (<see cref="ActivityRules"/>) as the figures it drills into.</summary>
    public static IQueryable<ActivityRecord> Filter(IQueryable<ActivityRecord> activities, ActivityQuery query, CurrentPlan plan)
    {
        var rules = ActivityRules.Of(plan);
        if (query.Institution is { } institution)
        {
            activities = activities.Where(a => a.InstitutionId == institution);
        }

        if (query.Involving is { } involving)
        {
            activities = activities.Where(ActivityRules.Involving(involving));
        }

        if (query.Measure is { Length: > 0 } measure)
        {
            activities = activities.Where(rules.OfMeasure(measure));
        }

        if (query.Unit is { } unit)
        {
            activities = activities.Where(rules.OfUnit(unit));
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

        if (Codes.ParseQuery<ActivityStatus>("status", query.Status) is { } status)
        {
            activities = activities.Where(a => a.Status == status);
        }

        var counted = query.Counted ?? (query.Target is null ? null : CountedAs.Official);
        if (counted is { } countedAs)
        {
            activities = activities.Where(ActivityRules.Counted(countedAs));
        }

        if (query.Target is { } code && plan.Target(code) is { } target)
        {
            activities = activities.Where(rules.Toward(target));
        }

        if (query.Plan is not null || query.Measure is { Length: > 0 } || query.Unit is not null || query.Target is not null)
        {
            // A figure of a plan counts only the activities of its period.
            var (from, to) = (plan.Period.From, plan.Period.To);
            activities = activities.Where(a => a.Year >= from && a.Year <= to);
        }

        return activities;
    }

    /// <summary>A page of activities as CSV: one row each, with its host and the unit that decided on it.</summary>
    public static CsvTable Csv(PagedList<ActivityDto> list)
    {
        var table = new CsvTable([
            "id", "externalRef", "institutionId", "hostInstitutionId", "kind", "measureCodes", "title", "occurredOn", "endsOn", "venue", "community",
            "youth", "workers", "elderly", "cadres", "public", "personTimes", "volunteerHours", "status", "decidedBy", "reportedAt"]);
        foreach (var a in list.Items)
        {
            var p = a.Attendance;
            table.Add(a.Id, a.ExternalRef, a.InstitutionId, a.HostInstitutionId, a.Kind, string.Join(';', a.MeasureCodes), a.Title, a.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                a.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Venue, a.Community,
                p.Youth, p.Workers, p.Elderly, p.Cadres, p.Public, p.Total, a.VolunteerHours, Codes.Of(a.Status), a.Verification?.UnitCode, a.ReportedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return table;
    }
}
