using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Listing;

public static class ListClosedYearsEndpoint
{
    /// <summary>The closed (locked) years, each with its reviewed figures, the cut-off they were read at and any override it was closed with.</summary>
    [WolverineGet("/api/v1/reviews", OperationId = "ListClosedYears")]
    [Authorize(Roles = GetReviewEndpoint.Readers)]
    public static async Task<IReadOnlyList<ClosedYearDto>> List(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<YearReview>().Where(r => r.ClosedAt != null).OrderBy(r => r.Year).ToListAsync(cancellation)).Select(r => r.ToDto()).ToList();
}
