using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Reviewing;

public static class GetReviewEndpoint
{
    public const string Readers = "admin,auditor,unit";

    /// <summary>
    /// A year's figures as known at <c>asOf</c> (events recorded up to that instant), beside the same figures as
    /// known now, with every record whose contribution changed since, each counted by the plan's catalog in force at
    /// its instant (a newer catalog is listed as a <c>catalog</c> difference). Without <c>asOf</c>: as known now. A
    /// closed year also lists the changes recorded after it was closed. The plan is the one whose period holds the
    /// year; <c>plan</c>, when given, must be it.
    /// </summary>
    [WolverineGet("/api/v1/reviews/{year}", OperationId = "GetYearReview")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = Readers)]
    public static Task<ReviewDto> Get(int year, DateTimeOffset? asOf, string? plan, Caller caller, ReviewBuilder reviews, TimeProvider clock, CancellationToken cancellation)
    {
        if (year is < 2000 or > 2100)
        {
            throw ProblemException.Invalid("year", "A year from 2000 to 2100.");
        }

        return reviews.BuildAsync(caller.TenantId, year, CheckCutoff(asOf, clock), plan, cancellation, caller);
    }

    /// <summary>A plan's whole period (<c>plan</c>; the plan in force today without it) as known at <c>asOf</c>, beside the same as known now (the final evaluation).</summary>
    [WolverineGet("/api/v1/reviews/plan", OperationId = "GetPlanReview")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = Readers)]
    public static Task<ReviewDto> GetPlan(DateTimeOffset? asOf, string? plan, Caller caller, ReviewBuilder reviews, TimeProvider clock, CancellationToken cancellation) =>
        reviews.BuildAsync(caller.TenantId, null, CheckCutoff(asOf, clock), plan, cancellation, caller);

    public static DateTimeOffset? CheckCutoff(DateTimeOffset? asOf, TimeProvider clock) =>
        asOf > clock.GetUtcNow() ? throw ProblemException.Invalid("asOf", "The cut-off is an instant that has passed.") : asOf;
}
