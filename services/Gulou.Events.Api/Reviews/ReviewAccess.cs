using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Marten;

namespace Gulou.Events.Api.Reviews;

/// <summary>
/// Who does what in a year's review: a responsible unit submits its own part; the coordinating unit (综合协调, the
/// catalog's <c>coordinatingUnit</c>) accepts or returns parts and grants exceptions; the coordinating unit or an
/// administrator closes and reopens the year; administrators, auditors and units read.
/// </summary>
public static class ReviewAccess
{
    public const string Readers = Reviewing.GetReviewEndpoint.Readers;
    public const string Closers = "admin,unit";

    /// <summary>A year of the plan that has begun.</summary>
    public static void CheckYear(int year, CurrentPlan plan, TimeProvider clock)
    {
        if (!plan.Period.Holds(year) || year > clock.Today().Year)
        {
            throw ProblemException.Invalid("year", $"A year of the plan ({plan.Period.From}–{plan.Period.To}) that has begun.");
        }
    }

    /// <summary>The unit the caller's key belongs to, when the caller is a responsible unit registered with a unit code.</summary>
    public static async Task<string?> UnitCodeOfAsync(IQuerySession session, Caller caller, CancellationToken cancellation) =>
        caller.Role == Role.Unit && await session.LoadAsync<Institution>(caller.InstitutionId, cancellation) is { UnitCode: { } code } ? code : null;

    public static async Task EnsureCoordinatorAsync(IQuerySession session, Caller caller, CurrentPlan plan, CancellationToken cancellation)
    {
        if (plan.CoordinatingUnit is not { } coordinator || await UnitCodeOfAsync(session, caller, cancellation) != coordinator)
        {
            throw ProblemException.Forbidden($"Only the coordinating unit ({plan.CoordinatingUnit ?? "none in this plan"}) does this.");
        }
    }

    /// <summary>The coordinating unit, or an administrator.</summary>
    public static async Task EnsureMayCloseAsync(IQuerySession session, Caller caller, CurrentPlan plan, CancellationToken cancellation)
    {
        if (caller.Role != Role.Admin)
        {
            await EnsureCoordinatorAsync(session, caller, plan, cancellation);
        }
    }
}
