using System.Net.Http.Headers;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Client.Resources;

/// <summary>The filters of the activity list; those left null are not applied.</summary>
public sealed record ActivityFilter(
    Guid? Institution = null,
    string? Measure = null,
    string? Kind = null,
    int? Year = null,
    int? ToYear = null,
    ActivityStatus? Status = null,
    string? Target = null,
    string? Unit = null,
    CountedAs? Counted = null,
    int? Page = null,
    int? PageSize = null,
    Guid? Involving = null);

/// <summary>Activities: reporting one, a batch or a CSV file, reading them, and every amendment.</summary>
public sealed class ActivitiesClient(ApiConnection api)
{
    /// <summary>Reports an activity; the same report again answers the same activity.</summary>
    public Task<ActivityDto> ReportAsync(ReportActivity report, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.ReportActivity, [], null, report, cancellation);

    /// <summary>Reports up to 1,000 activities. With <paramref name="atomic"/>, a failure stores nothing and is thrown
    /// (the items' results are in the exception's <c>items</c> extension).</summary>
    public Task<BatchResult> ReportBatchAsync(ReportBatch batch, bool atomic = false, CancellationToken cancellation = default) =>
        api.SendAsync<BatchResult>(ApiRoutes.ReportActivities, [], new Query().Add("atomic", atomic ? true : null), batch, cancellation);

    /// <summary>Imports a UTF-8 CSV file, read from <paramref name="csv"/> as it is sent.</summary>
    public Task<ImportResult> ImportAsync(Stream csv, bool dryRun = false, CancellationToken cancellation = default)
    {
        var content = new StreamContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return api.SendContentAsync<ImportResult>(ApiRoutes.ImportActivities, [], new Query().Add("dryRun", dryRun ? true : null), content, cancellation);
    }

    /// <summary>The CSV template (header row and an example row), with its byte-order mark.</summary>
    public Task<byte[]> GetImportTemplateAsync(CancellationToken cancellation = default) =>
        api.GetBytesAsync(ApiRoutes.GetImportTemplate, [], null, "text/csv", cancellation);

    public Task<PagedList<ActivityDto>> ListAsync(ActivityFilter? filter = null, CancellationToken cancellation = default)
    {
        var f = filter ?? new ActivityFilter();
        var query = new Query().Add("institution", f.Institution).Add("measure", f.Measure).Add("kind", f.Kind).Add("year", f.Year)
            .Add("toYear", f.ToYear).Add("status", f.Status).Add("target", f.Target).Add("unit", f.Unit).Add("counted", f.Counted)
            .Add("page", f.Page).Add("pageSize", f.PageSize).Add("involving", f.Involving);
        return api.SendAsync<PagedList<ActivityDto>>(ApiRoutes.ListActivities, [], query, null, cancellation);
    }

    public Task<ActivityDto> GetAsync(Guid id, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.GetActivity, [id], null, null, cancellation);

    public Task<IReadOnlyList<ActivityHistoryEntry>> GetHistoryAsync(Guid id, CancellationToken cancellation = default) =>
        api.SendAsync<IReadOnlyList<ActivityHistoryEntry>>(ApiRoutes.GetActivityHistory, [id], null, null, cancellation);

    public Task<ActivityDto> RecordAttendanceAsync(Guid id, RecordAttendance attendance, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.RecordAttendance, [id], null, attendance, cancellation);

    public Task<ActivityDto> AttachEvidenceAsync(Guid id, AttachEvidence evidence, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.AttachEvidence, [id], null, evidence, cancellation);

    public Task<ActivityDto> CorrectAsync(Guid id, CorrectActivity correction, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.CorrectActivity, [id], null, correction, cancellation);

    public Task<ActivityDto> RetractAsync(Guid id, RetractActivity retraction, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.RetractActivity, [id], null, retraction, cancellation);

    public Task<ActivityDto> VerifyAsync(Guid id, VerifyActivity decision, CancellationToken cancellation = default) =>
        api.SendAsync<ActivityDto>(ApiRoutes.VerifyActivity, [id], null, decision, cancellation);

    /// <summary>The activities awaiting a unit's decision, oldest report first (a unit's key: its own queue).</summary>
    public Task<PagedList<ActivityDto>> ListAwaitingAsync(
        string? unit = null, AwaitingDecision? status = null, int? year = null, int? page = null, int? pageSize = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<ActivityDto>>(ApiRoutes.ListVerifications, [],
            new Query().Add("unit", unit).Add("status", status).Add("year", year).Add("page", page).Add("pageSize", pageSize), null, cancellation);

    /// <summary>Groups of likely duplicates among a year's activities.</summary>
    public Task<PagedList<DuplicateGroupDto>> ListDuplicatesAsync(int year, int? page = null, int? pageSize = null, CancellationToken cancellation = default) =>
        api.SendAsync<PagedList<DuplicateGroupDto>>(ApiRoutes.ListDuplicates, [], new Query().Add("year", year).Add("page", page).Add("pageSize", pageSize), null, cancellation);
}
