using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Client.Resources;

/// <summary>
/// Annual reviews: figures as known at a cut-off beside the figures now; the units' sign-off, closing (and sealing),
/// reopening and exceptions to a closed year's lock; the seal and its verification; completeness and the statistics table.
/// </summary>
public sealed class ReviewsClient(ApiConnection api)
{
    private const string Csv = "text/csv";

    public Task<IReadOnlyList<ClosedYearDto>> ListClosedYearsAsync(CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<ClosedYearDto>>(ApiRoutes.ListClosedYears, [], null, null, cancellation);

    public Task<ReviewDto> GetYearAsync(int year, DateTimeOffset? asOf = null, CancellationToken cancellation = default) =>
        api.SendAsync<ReviewDto>(ApiRoutes.GetYearReview, [year], new Query().Add("asOf", asOf), null, cancellation);

    public Task<ReviewDto> GetPlanAsync(DateTimeOffset? asOf = null, CancellationToken cancellation = default) =>
        api.SendAsync<ReviewDto>(ApiRoutes.GetPlanReview, [], new Query().Add("asOf", asOf), null, cancellation);

    public Task<ClosedYearDto> CloseYearAsync(int year, CloseYear close, CancellationToken cancellation = default) =>
        api.SendAsync<ClosedYearDto>(ApiRoutes.CloseYear, [year], null, close, cancellation);

    public Task<YearSignoffDto> ReopenYearAsync(int year, ReopenYear reopen, CancellationToken cancellation = default) =>
        api.SendAsync<YearSignoffDto>(ApiRoutes.ReopenYear, [year], null, reopen, cancellation);

    public Task<YearSignoffDto> SubmitAsync(int year, string unitCode, SignOffUnitYear? submission = null, CancellationToken cancellation = default) =>
        api.SendAsync<YearSignoffDto>(ApiRoutes.SubmitUnitYear, [year, unitCode], null, submission ?? new SignOffUnitYear(), cancellation);

    public Task<YearSignoffDto> AcceptAsync(int year, string unitCode, SignOffUnitYear? acceptance = null, CancellationToken cancellation = default) =>
        api.SendAsync<YearSignoffDto>(ApiRoutes.AcceptUnitYear, [year, unitCode], null, acceptance ?? new SignOffUnitYear(), cancellation);

    public Task<YearSignoffDto> ReturnAsync(int year, string unitCode, ReturnUnitYear returned, CancellationToken cancellation = default) =>
        api.SendAsync<YearSignoffDto>(ApiRoutes.ReturnUnitYear, [year, unitCode], null, returned, cancellation);

    public Task<YearSignoffDto> GetSignoffAsync(int year, CancellationToken cancellation = default) =>
        api.SendAsync<YearSignoffDto>(ApiRoutes.GetYearSignoff, [year], null, null, cancellation);

    public Task<YearExceptionDto> GrantExceptionAsync(int year, YearExceptionGrant grant, CancellationToken cancellation = default) =>
        api.SendAsync<YearExceptionDto>(ApiRoutes.GrantYearException, [year], null, grant, cancellation);

    public Task<YearSealDto> GetSealAsync(int year, CancellationToken cancellation = default) =>
        api.SendAsync<YearSealDto>(ApiRoutes.GetYearSeal, [year], null, null, cancellation);

    public Task<SealVerificationDto> VerifySealAsync(int year, CancellationToken cancellation = default) =>
        api.SendAsync<SealVerificationDto>(ApiRoutes.VerifyYearSeal, [year], null, null, cancellation);

    public Task<YearCompletenessDto> GetCompletenessAsync(int year, CancellationToken cancellation = default) =>
        api.SendAsync<YearCompletenessDto>(ApiRoutes.GetYearCompleteness, [year], null, null, cancellation);

    public Task<YearStatisticsDto> GetStatisticsAsync(int year, CancellationToken cancellation = default) =>
        api.SendAsync<YearStatisticsDto>(ApiRoutes.GetYearStatistics, [year], null, null, cancellation);

    /// <summary>The completeness or the statistics table as CSV (UTF-8 with a byte-order mark).</summary>
    public Task<byte[]> ExportCsvAsync(ApiRoute view, int year, CancellationToken cancellation = default) =>
        api.GetBytesAsync(view, [year], null, Csv, cancellation);
}
