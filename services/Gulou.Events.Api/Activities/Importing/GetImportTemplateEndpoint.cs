using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Importing;

public static class GetImportTemplateEndpoint
{
    /// <summary>The import file's header row (in Chinese; the English names work too) and one example row, as CSV with a BOM.</summary>
    [WolverineGet("/api/v1/activities/import/template", OperationId = "GetImportTemplate")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static CsvFile Get() => new(ImportColumns.Template(), "activities-import-template");
}
