using Gulou.Events.Contracts.Persons;

namespace Gulou.Events.Client.Resources;

/// <summary>The person register: a person's information exported, or erased for good.</summary>
public sealed class PersonsClient(ApiConnection api)
{
    /// <summary>Everything the register holds on the person, decrypted.</summary>
    public Task<PersonExportDto> ExportAsync(Guid personId, CancellationToken cancellation = default) =>
        api.SendAsync<PersonExportDto>(ApiRoutes.ExportPerson, [personId.ToString()], null, null, cancellation);

    /// <summary>Destroys the person's data key: their fields read as erased everywhere from then on.</summary>
    public Task<PersonErasureDto> EraseAsync(Guid personId, ErasePerson erasure, CancellationToken cancellation = default) =>
        api.SendAsync<PersonErasureDto>(ApiRoutes.ErasePerson, [personId.ToString()], null, erasure, cancellation);

    /// <summary>Who the retention schedule would erase today (a dry run).</summary>
    public Task<RetentionReportDto> GetRetentionReportAsync(CancellationToken cancellation = default) =>
        api.SendAsync<RetentionReportDto>(ApiRoutes.GetRetentionReport, [], new Query().Add("dryRun", true), null, cancellation);

    /// <summary>Erases everyone past their retention now.</summary>
    public Task<RetentionReportDto> RunRetentionAsync(CancellationToken cancellation = default) =>
        api.SendAsync<RetentionReportDto>(ApiRoutes.RunRetention, [], null, null, cancellation);
}
