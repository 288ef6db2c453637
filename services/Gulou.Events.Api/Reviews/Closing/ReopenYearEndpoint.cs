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
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = ReviewAccess.Closers)]
    public static async Task<YearSignoffDto> Post(
        int year, string? plan, ReopenYear request, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var catalog = await book.OfYearAsync(session, year, plan, clock, cancellation);
        await ReviewAccess.EnsureMayCloseAsync(session, caller, catalog, cancellation);
        var review = await YearReviews.AppendAsync(session, caller.TenantId, year,
            r => SignoffDecisions.Reopen(r, year, FreeText.Normalize(request.Reason)!, caller.InstitutionId), cancellation);
        return SignoffView.Of(review, year, catalog, clock.GetUtcNow());
    }
}
