using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Retracting;

public sealed class RetractActivityValidator : AbstractValidator<RetractActivity>
{
    public const int MaxReason = 500;

    public RetractActivityValidator()
    {
        RuleFor(r => r.ExpectedVersion).NotNull().GreaterThan(0);
        RuleFor(r => r.Reason).NotEmpty().Text(MaxReason);
    }
}

public static class RetractActivityEndpoint
{
    /// <summary>Withdraws the institution's own report. It stays in the record but no longer counts.</summary>
    [WolverinePost("/api/v1/activities/{id}/retraction", OperationId = "RetractActivity")]
    [Refuses(403, ErrorCodes.Forbidden, "another institution reported the activity")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity is already retracted")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static Task<ActivityDto> Post(Guid id, RetractActivity request, Caller caller, TimeProvider clock, YearLocks locks, IDocumentSession session, CancellationToken cancellation) =>
        ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => ActivityAccess.EnsureOwner(a, caller), a => Decide(request, a), EvidenceAudience.Of(caller, clock), locks, cancellation);

    public static IReadOnlyList<object> Decide(RetractActivity request, ActivityRecord activity) =>
        activity.IsClosed
            ? throw ProblemException.InvalidState("The activity is already retracted.")
            : [new ActivityRetracted(activity.Id, request.Reason.Trim())];
}
