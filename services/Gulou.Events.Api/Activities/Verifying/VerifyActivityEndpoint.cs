using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Verifying;

public sealed class VerifyActivityValidator : AbstractValidator<VerifyActivity>
{
    public const int MaxReason = 500;

    public VerifyActivityValidator()
    {
        RuleFor(r => r.Decision).NotNull();
        RuleFor(r => r.Reason).NotEmpty().WithMessage("A rejection gives its reason.")
            .When(r => r.Decision == VerificationDecision.Rejected && r.ReasonCode != RejectionReason.DuplicateOf);
        RuleFor(r => r.Reason).Text(MaxReason);
        RuleFor(r => r.ExpectedVersion).GreaterThan(0);
        RuleFor(r => r.ReasonCode).Null().WithMessage("Only a rejection has a reason code.").When(r => r.Decision == VerificationDecision.Verified);
        RuleFor(r => r.DuplicateOf).NotNull().WithMessage("A duplicate_of rejection names the activity this one repeats.")
            .When(r => r.ReasonCode == RejectionReason.DuplicateOf);
        RuleFor(r => r.DuplicateOf).Null().WithMessage("duplicateOf goes with reasonCode duplicate_of.")
            .When(r => r.ReasonCode != RejectionReason.DuplicateOf);
    }
}

public static class VerifyActivityEndpoint
{
    /// <summary>
    /// A unit that leads one of the activity's measures, or the plan's coordinating unit (of the plan the activity's date
    /// belongs to), verifies or rejects the report
    /// (as <c>duplicate_of</c> another activity of the district, or for a reason in words). Official figures leave
    /// rejected activities out; verified figures count only verified ones. The decision records the unit's id and code.
    /// </summary>
    [WolverinePost("/api/v1/activities/{id}/verification", OperationId = "VerifyActivity")]
    [Refuses(403, ErrorCodes.Forbidden, "the unit leads none of the activity's measures")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity was retracted")]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<ActivityDto> Post(Guid id, VerifyActivity request, Caller caller, DistrictPlanBook book, TimeProvider clock, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var plans = await book.AllAsync(session, cancellation);
        var unit = await session.LoadAsync<Institution>(caller.InstitutionId, cancellation)
            ?? throw ProblemException.Forbidden("The unit that holds this key is not registered in this district.");
        if (request.DuplicateOf is { } original)
        {
            await EnsureOtherActivityAsync(session, id, original, cancellation);
        }

        return await ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => EnsureMayDecide(unit, a, book.ForActivity(plans, a.OccurredOn, "id")), a => Decide(request, a, unit), EvidenceAudience.Of(caller, clock), locks, cancellation);
    }

    /// <exception cref="ProblemException">400 naming <c>duplicateOf</c>: the activity itself, or none of the district.</exception>
    public static async Task EnsureOtherActivityAsync(IQuerySession session, Guid id, Guid original, CancellationToken cancellation)
    {
        if (original == id)
        {
            throw ProblemException.Invalid("duplicateOf", "An activity is not a duplicate of itself; name the activity it repeats.");
        }

        if (await session.LoadAsync<ActivityRecord>(original, cancellation) is null)
        {
            throw ProblemException.Invalid("duplicateOf", $"No activity '{original}' in this district.");
        }
    }

    public static void EnsureMayDecide(Institution unit, ActivityRecord activity, CurrentPlan plan)
    {
        if (!plan.MayDecide(unit.UnitCode, activity.MeasureCodes))
        {
            throw ProblemException.Forbidden(
                $"Only a unit that leads one of the activity's measures ({string.Join(", ", activity.MeasureCodes)}), or the plan's coordinating unit {plan.CoordinatingUnit}, may decide on it.");
        }
    }

    /// <summary>The decision, or nothing when the activity already carries that decision.</summary>
    public static IReadOnlyList<object> Decide(VerifyActivity request, ActivityRecord activity, Institution unit)
    {
        if (activity.IsClosed)
        {
            throw ProblemException.InvalidState("The activity was retracted; there is nothing to verify.");
        }

        if (request.Decision == VerificationDecision.Verified)
        {
            return activity.Status == ActivityStatus.Verified ? [] : [new ActivityVerified(activity.Id, unit.Id, FreeText.Normalize(request.Reason), unit.UnitCode)];
        }

        var code = request.ReasonCode ?? RejectionReason.Other;
        var reason = FreeText.Normalize(request.Reason) ?? $"Duplicate of activity {request.DuplicateOf}.";
        var same = activity.Status == ActivityStatus.Rejected && activity.Verification is { } last
            && last.Reason == reason && (last.ReasonCode ?? RejectionReason.Other) == code && last.DuplicateOf == request.DuplicateOf;
        return same ? [] : [new ActivityRejected(activity.Id, unit.Id, reason, unit.UnitCode, code, request.DuplicateOf)];
    }
}
