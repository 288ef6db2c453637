using FluentValidation;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.SigningOff;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Closing;

public sealed class ReopenYearValidator : AbstractValidator<ReopenYear>
{
    public ReopenYearValidator() => RuleFor(r => r.Reason).NotEmpty().Text(SignOffUnitYearValidator.MaxReason);
}

public static class ReopenYearEndpoint
{
    /// <summary>
    /// Opens a closed year again, with the reason, by the coordinating unit or an administrator: its figures can be
    /// changed again until it is closed anew (with a new seal). The units' sign-off stays as it was.
    /// </summary>
    [WolverinePost("/api/v1/reviews/{year}/reopening", OperationId = "ReopenYear")]
    [Refuses(409, ErrorCodes.InvalidState, "the year is not closed")]
    [Authorize(Roles = ReviewAccess.Closers)]
    public static async Task<YearSignoffDto> Post(
        int year, ReopenYear request, Caller caller, CurrentPlan plan, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        ReviewAccess.CheckYear(year, plan, clock);
        await ReviewAccess.EnsureMayCloseAsync(session, caller, plan, cancellation);
        var review = await YearReviews.AppendAsync(session, caller.TenantId, year,
            r => SignoffDecisions.Reopen(r, year, FreeText.Normalize(request.Reason)!, caller.InstitutionId), cancellation);
        return SignoffView.Of(review, year, plan, clock.GetUtcNow());
    }
}
