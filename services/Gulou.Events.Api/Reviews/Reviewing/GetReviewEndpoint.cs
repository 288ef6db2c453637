using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Reviews;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Reviewing;

public static class GetReviewEndpoint
{
    public const string Readers = "admin,auditor,unit";

    /// <summary>
    /// A year's figures as known at <c>asOf</c> (events recorded up to that instant), beside the same figures as
    /// known now, with every record whose contribution changed since. Without <c>asOf</c>: as known now. A closed
    /// year also lists the changes recorded after it was closed.
    /// </summary>
    [WolverineGet("/api/v1/reviews/{year}", OperationId = "GetYearReview")]
    [Authorize(Roles = Readers)]
    public static Task<ReviewDto> Get(int year, DateTimeOffset? asOf, Caller caller, ReviewBuilder reviews, TimeProvider clock, CancellationToken cancellation)
    {
        if (year is < 2000 or > 2100)
        {
            throw ProblemException.Invalid("year", "A year from 2000 to 2100.");
        }

        return reviews.BuildAsync(caller.TenantId, year, CheckCutoff(asOf, clock), cancellation, caller);
    }

    /// <summary>The whole plan period as known at <c>asOf</c>, beside the same as known now (the final evaluation).</summary>
    [WolverineGet("/api/v1/reviews/plan", OperationId = "GetPlanReview")]
    [Authorize(Roles = Readers)]
    public static Task<ReviewDto> GetPlan(DateTimeOffset? asOf, Caller caller, ReviewBuilder reviews, TimeProvider clock, CancellationToken cancellation) =>
        reviews.BuildAsync(caller.TenantId, null, CheckCutoff(asOf, clock), cancellation, caller);

    public static DateTimeOffset? CheckCutoff(DateTimeOffset? asOf, TimeProvider clock) =>
        asOf > clock.GetUtcNow() ? throw ProblemException.Invalid("asOf", "The cut-off is an instant that has passed.") : asOf;
}
