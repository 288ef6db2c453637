using FluentValidation;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Sealing;
using Gulou.Events.Api.Reviews.SigningOff;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Closing;

public sealed class CloseYearValidator : AbstractValidator<CloseYear>
{
    public CloseYearValidator(TimeProvider clock)
    {
        RuleFor(r => r.AsOf).NotNull().Must(a => a is null || a <= clock.GetUtcNow()).WithMessage("asOf is an instant that has passed.");
        RuleFor(r => r.MissingUnits).Must(u => u is null || u.Count <= 100).WithMessage("missingUnits lists at most 100 units.");
        RuleForEach(r => r.MissingUnits).NotEmpty().Text(50);
        RuleFor(r => r.OverrideReason).Text(SignOffUnitYearValidator.MaxReason);
    }
}

public static class CloseYearEndpoint
{
    /// <summary>
    /// Closes a year, by the coordinating unit or an administrator: the figures as known at <c>asOf</c> become its
    /// reviewed figures and are sealed, and the year is locked. Every responsible unit's part must be accepted, unless
    /// <c>missingUnits</c> names exactly the units that are not, with an <c>overrideReason</c>; the override stays on the
    /// year. Changes under an exception are marked late in their history and listed apart in its reviews.
    /// </summary>
    [WolverinePost("/api/v1/reviews/{year}/close", OperationId = "CloseYear")]
    [Refuses(409, ErrorCodes.InvalidState, "the year is already closed, or a unit's part is not accepted and no override names it")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = ReviewAccess.Closers)]
    public static async Task<Created<ClosedYearDto>> Post(
        int year, string? plan, CloseYear request, Caller caller, DistrictPlanBook book, SealKeeper seals, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var catalog = await book.OfYearAsync(session, year, plan, clock, cancellation);
        await ReviewAccess.EnsureMayCloseAsync(session, caller, catalog, cancellation);
        var asOf = request.AsOf!.Value;
        var units = catalog.SignoffUnits().Select(u => u.Code).ToList();
        var reason = FreeText.Normalize(request.OverrideReason);

        var review = await YearReviews.AppendAsync(session, caller.TenantId, year, async current =>
        {
            var missing = SignoffDecisions.Override(current, year, units, request.MissingUnits, reason);
            var seal = await seals.SealAsync(caller.TenantId, year, asOf, cancellation);
            IReadOnlyList<object> events =
            [
                new YearClosed(year, asOf, seal.Figures, missing.Count > 0 ? missing : null, missing.Count > 0 ? reason : null),
                seal,
            ];
            return events;
        }, cancellation);
        return TypedResults.Created($"/api/v1/reviews/{year}", review.ToDto());
    }
}
