using FluentValidation;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Queue;

/// <summary>
/// The query of <c>GET /api/v1/verifications</c>: whose queue (<c>unit</c>, a unit code of the plan), why the activities
/// wait (<c>status</c>: <c>pending</c>, <c>resubmitted</c> or <c>needs_review</c>; all three when left out), and the year
/// they happened.
/// </summary>
public sealed record VerificationQuery(
    [FromQuery(Name = "unit")] string? Unit,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize);

public sealed class VerificationQueryValidator : AbstractValidator<VerificationQuery>
{
    public VerificationQueryValidator(CurrentPlan plan)
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Unit).Must(u => u is null || plan.HasUnit(u)).WithMessage((_, u) => $"'{u}' is not a responsible unit of the plan.");
        RuleFor(q => q.Status).Must(Codes.IsQueryCode<AwaitingDecision>).WithMessage((_, s) => Codes.NotOneOf<AwaitingDecision>(s));
    }
}

public static class ListVerificationsEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// The activities awaiting a unit's decision, oldest report first: those under a measure the unit leads (every
    /// measure for the coordinating unit). A unit's key lists its own queue; the coordinating unit's key may name any
    /// unit. Auditors and administrators name a unit, or list everything awaiting a decision in the district.
    /// </summary>
    [WolverineGet("/api/v1/verifications", OperationId = "ListVerifications")]
    [Authorize(Roles = "admin,unit,auditor")]
    public static async Task<PagedList<ActivityDto>> List(
        [AsParameters] VerificationQuery query, Caller caller, CurrentPlan plan, DistrictPlanBook book, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        var (page, size) = Paging.Read(query.Page, query.PageSize, MaxPageSize);
        var unit = caller.Role == Role.Unit ? await QueueOfAsync(query.Unit, caller, plan, session, cancellation) : query.Unit;

        var activities = session.Query<ActivityRecord>().Where(ActivityRules.Awaiting(Codes.ParseQuery<AwaitingDecision>("status", query.Status)));
        if (unit is not null)
        {
            var plans = (await book.AllAsync(session, cancellation)).Select(p => book.CountedAt(p, clock.GetUtcNow()));
            activities = activities.Where(ActivityRules.DecidedBy(plans, unit));
        }

        if (query.Year is { } year)
        {
            activities = activities.Where(a => a.Year == year);
        }

        var total = await activities.CountAsync(cancellation);
        var items = await activities.OrderBy(a => a.ReportedAt).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellation);
        return new PagedList<ActivityDto>(items.Select(a => a.ToDto(EvidenceAudience.Of(caller, clock))).ToList(), total, page, size);
    }

    /// <summary>The unit whose queue a unit's key may list: its own, or any for the coordinating unit.</summary>
    private static async Task<string> QueueOfAsync(string? asked, Caller caller, CurrentPlan plan, IQuerySession session, CancellationToken cancellation)
    {
        var own = (await session.LoadAsync<Institution>(caller.InstitutionId, cancellation))?.UnitCode is { } code && plan.HasUnit(code)
            ? code
            : throw ProblemException.Forbidden("This unit has no code in the plan, so it decides on no reports.");
        return asked is null || asked == own || own == plan.CoordinatingUnit
            ? asked ?? own
            : throw ProblemException.Forbidden($"A unit lists its own queue ({own}); only the coordinating unit {plan.CoordinatingUnit} lists another's.");
    }
}
