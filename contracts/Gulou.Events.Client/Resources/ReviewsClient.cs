using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Client.Resources;

/// <summary>Annual reviews: figures as known at a cut-off beside the figures now, and closing years.</summary>
public sealed class ReviewsClient(ApiConnection api)
{
    public Task<IReadOnlyList<ClosedYearDto>> ListClosedYearsAsync(CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<ClosedYearDto>>(ApiRoutes.ListClosedYears, [], null, null, cancellation);

    public Task<ReviewDto> GetYearAsync(int year, DateTimeOffset? asOf = null, CancellationToken cancellation = default) =>
        api.SendAsync<ReviewDto>(ApiRoutes.GetYearReview, [year], new Query().Add("asOf", asOf), null, cancellation);

    public Task<ReviewDto> GetPlanAsync(DateTimeOffset? asOf = null, CancellationToken cancellation = default) =>
        api.SendAsync<ReviewDto>(ApiRoutes.GetPlanReview, [], new Query().Add("asOf", asOf), null, cancellation);

    public Task<ClosedYearDto> CloseYearAsync(int year, CloseYear close, CancellationToken cancellation = default) =>
        api.SendAsync<ClosedYearDto>(ApiRoutes.CloseYear, [year], null, close, cancellation);
}
