using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Sealing;

public static class SealEndpoints
{
    /// <summary>
    /// The seal of the year's last closing: its figures, the plan catalog's SHA-256, the last event sequence counted,
    /// the SHA-256 chained over every counted event, and the service version. <c>standing</c> is false once the year was reopened.
    /// </summary>
    [WolverineGet("/api/v1/reviews/{year}/seal", OperationId = "GetYearSeal")]
    [Refuses(404, ErrorCodes.NotFound, "the year was never closed, or the district has no plan with the id in `plan`")]
    [Authorize(Roles = ReviewAccess.Readers)]
    public static async Task<YearSealDto> Get(int year, string? plan, Caller caller, DistrictPlanBook book, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        await book.OfYearAsync(session, year, plan, clock, cancellation);
        return (await session.LoadAsync<YearReview>(YearReview.IdFor(caller.TenantId, year), cancellation))?.Seal
            ?? throw ProblemException.NotFound("seal of the year", year);
    }

    /// <summary>
    /// Recomputes the seal from the log as it is now and answers <c>intact</c>, or <c>differs</c> with the first event
    /// (in sequence order) that was changed, removed or added since; also whether the figures are reproduced. Changes nothing.
    /// </summary>
    [WolverinePost("/api/v1/reviews/{year}/seal/verification", OperationId = "VerifyYearSeal")]
    [Refuses(404, ErrorCodes.NotFound, "the year was never closed, or the district has no plan with the id in `plan`")]
    [Authorize(Roles = ReviewAccess.Readers)]
    public static async Task<SealVerificationDto> Verify(
        int year, string? plan, Caller caller, DistrictPlanBook book, IQuerySession session, SealKeeper seals, TimeProvider clock, CancellationToken cancellation)
    {
        await book.OfYearAsync(session, year, plan, clock, cancellation);
        return await seals.VerifyAsync(caller.TenantId, year, cancellation);
    }
}
