using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Client.Resources;

/// <summary>Which figures to read and how fresh: a year (or the whole plan), and whether to wait for the projection.</summary>
public sealed record ProgressFilter(int? Year = null, long? WaitForSequence = null, bool? WaitForNonStale = null, int? WaitSeconds = null)
{
    internal Query ToQuery() => new Query().Add("year", Year).Add("waitForSequence", WaitForSequence).Add("waitForNonStale", WaitForNonStale).Add("waitSeconds", WaitSeconds);
}

/// <summary>Progress against the plan; each view also as CSV.</summary>
public sealed class ProgressClient(ApiConnection api)
{
    private const string Csv = "text/csv";

    public Task<ProgressOverview> GetAsync(ProgressFilter? filter = null, CancellationToken cancellation = default) =>
        api.SendAsync<ProgressOverview>(ApiRoutes.GetProgress, [], Of(filter), null, cancellation);

    public Task<TargetProgressDto> GetTargetAsync(string code, ProgressFilter? filter = null, CancellationToken cancellation = default) =>
        api.SendAsync<TargetProgressDto>(ApiRoutes.GetTargetProgress, [code], Of(filter), null, cancellation);

    public Task<MeasuresOverview> ListMeasuresAsync(ProgressFilter? filter = null, CancellationToken cancellation = default) =>
        api.SendAsync<MeasuresOverview>(ApiRoutes.ListMeasureProgress, [], Of(filter), null, cancellation);

    public Task<MeasureProgressDto> GetMeasureAsync(string code, ProgressFilter? filter = null, CancellationToken cancellation = default) =>
        api.SendAsync<MeasureProgressDto>(ApiRoutes.GetMeasureProgress, [code], Of(filter), null, cancellation);

    public Task<UnitsOverview> GetUnitsAsync(ProgressFilter? filter = null, CancellationToken cancellation = default) =>
        api.SendAsync<UnitsOverview>(ApiRoutes.GetUnitProgress, [], Of(filter), null, cancellation);

    /// <summary>The registered schools a coverage target counts, covered or not in a year (<c>covered=false</c>: the drill-down).</summary>
    public Task<PagedList<SchoolCoverageDto>> ListSchoolsAsync(
        int year, string? target = null, bool? covered = null, CountedAs? counted = null, int? page = null, int? pageSize = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<SchoolCoverageDto>>(ApiRoutes.ListSchools, [],
            new Query().Add("target", target).Add("year", year).Add("covered", covered).Add("counted", counted).Add("page", page).Add("pageSize", pageSize), null, cancellation);

    /// <summary>Any progress view as CSV (UTF-8 with a byte-order mark), e.g. <see cref="ApiRoutes.GetUnitProgress"/>.</summary>
    public Task<byte[]> ExportCsvAsync(ApiRoute view, ProgressFilter? filter = null, string? code = null, CancellationToken cancellation = default) =>
        api.GetBytesAsync(view, code is null ? [] : [code], Of(filter), Csv, cancellation);

    private static Query Of(ProgressFilter? filter) => (filter ?? new ProgressFilter()).ToQuery();
}
