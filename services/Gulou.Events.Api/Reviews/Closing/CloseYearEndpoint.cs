using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Closing;

public sealed class CloseYearValidator : AbstractValidator<CloseYear>
{
    public CloseYearValidator(TimeProvider clock) =>
        RuleFor(r => r.AsOf).NotNull().Must(a => a is null || a <= clock.GetUtcNow()).WithMessage("asOf is an instant that has passed.");
}

public static class CloseYearEndpoint
{
    /// <summary>
    /// Closes a year: the figures as known at <c>asOf</c> are recorded as its reviewed figures. Later changes to
    /// its activities are still accepted, marked late in their history and listed apart in its reviews.
    /// </summary>
    [WolverinePost("/api/v1/reviews/{year}/close", OperationId = "CloseYear")]
    [Refuses(409, ErrorCodes.InvalidState, "the year is already closed")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<Created<ClosedYearDto>> Post(
        int year, CloseYear request, Caller caller, ReviewBuilder reviews, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (year < 2000 || year > clock.GetUtcNow().Year)
        {
            throw ProblemException.Invalid("year", "A year that has begun, from 2000.");
        }

        var id = YearReview.IdFor(caller.TenantId, year);
        if (await session.LoadAsync<YearReview>(id, cancellation) is { } closed)
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"{year} was closed at {closed.ClosedAt:O} with figures as of {closed.AsOf:O}.");
        }

        var review = await reviews.BuildAsync(caller.TenantId, year, request.AsOf, cancellation);
        session.Events.StartStream<YearReview>(id, new YearClosed(year, request.AsOf!.Value, review.AsKnown));
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            session.EjectAllPendingChanges();
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"{year} was closed by another request at the same moment.");
        }

        var recorded = await session.LoadAsync<YearReview>(id, cancellation);
        return TypedResults.Created($"/api/v1/reviews/{year}", recorded!.ToDto());
    }
}
