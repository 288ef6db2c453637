using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
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
        RuleFor(r => r.Reason).NotEmpty().WithMessage("A rejection gives its reason.").When(r => r.Decision == VerificationDecision.Rejected);
        RuleFor(r => r.Reason).Text(MaxReason);
        RuleFor(r => r.ExpectedVersion).GreaterThan(0);
    }
}

public static class VerifyActivityEndpoint
{
    /// <summary>
    /// A responsible unit that leads one of the activity's measures verifies or rejects the report. Official
    /// figures leave rejected activities out; verified figures count only verified ones.
    /// </summary>
    [WolverinePost("/api/v1/activities/{id}/verification", OperationId = "VerifyActivity")]
    [Refuses(403, ErrorCodes.Forbidden, "the unit leads none of the activity's measures")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity was retracted")]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<ActivityDto> Post(Guid id, VerifyActivity request, Caller caller, IDocumentSession session, CancellationToken cancellation)
    {
        var unit = await session.LoadAsync<Institution>(caller.InstitutionId, cancellation)
            ?? throw ProblemException.Forbidden("The unit that holds this key is not registered in this district.");
        return await ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => EnsureLeads(unit, a), a => Decide(request, a, unit.Id), cancellation);
    }

    public static void EnsureLeads(Institution unit, ActivityRecord activity)
    {
        if (!unit.Leads(activity.MeasureCodes))
        {
            throw ProblemException.Forbidden(
                $"Only a unit that leads one of the activity's measures ({string.Join(", ", activity.MeasureCodes)}) may verify it.");
        }
    }

    /// <summary>The decision, or nothing when the activity already carries that decision.</summary>
    public static IReadOnlyList<object> Decide(VerifyActivity request, ActivityRecord activity, Guid unitId)
    {
        if (activity.IsClosed)
        {
            throw ProblemException.InvalidState("The activity was retracted; there is nothing to verify.");
        }

        var reason = ActivityContent.NormalizeText(request.Reason);
        return request.Decision switch
        {
            VerificationDecision.Verified when activity.Status == ActivityStatus.Verified => [],
            VerificationDecision.Verified => [new ActivityVerified(activity.Id, unitId, reason)],
            VerificationDecision.Rejected when activity.Status == ActivityStatus.Rejected && activity.Verification?.Reason == reason => [],
            _ => [new ActivityRejected(activity.Id, unitId, reason!)],
        };
    }
}
