using FluentValidation;
using Gulou.Events.Api.Activities.Batching;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Importing;

public static class ImportActivitiesEndpoint
{
    /// <summary>
    /// Imports a CSV file (UTF-8, Chinese or English headers; see the template) of up to 100,000 rows through the
    /// batch, a chunk of rows at a time. Every row is answered with its line and outcome. <c>dryRun=true</c> decides
    /// every row and stores none.
    /// </summary>
    [WolverinePost("/api/v1/activities/import", OperationId = "ImportActivities")]
    [Refuses(400, ErrorCodes.MalformedCsv, "the file is empty, has no rows, is not UTF-8 or cannot be read as CSV; nothing was stored")]
    [Authorize(Roles = AccessRoles.Partner)]
    [RequestBodyLimit(ImportFile.MaxBytes)]
    [RawRequestBody(CsvFile.MediaType)]
    public static async Task<ImportAnswer> Post(
        bool? dryRun, HttpRequest request, Caller caller, DistrictPlanBook plans, TimeProvider clock, IValidator<ReportActivity> validator, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        EnsureUtf8Csv(request.ContentType);
        var file = await ImportFile.ReceiveAsync(request.Body, cancellation);
        request.HttpContext.Response.RegisterForDisposeAsync(file);
        return new ImportAnswer(file, new ActivityBatch(session, caller, plans, clock, validator, locks), dryRun == true);
    }

    private static void EnsureUtf8Csv(string? contentType)
    {
        var type = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed : null;
        var problem = type is null || !type.MediaType.Equals(CsvFile.MediaType, StringComparison.OrdinalIgnoreCase)
            ? "Send the file with Content-Type: text/csv."
            : type.Charset is { Length: > 0 } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                ? $"The file must be UTF-8, not {charset}. Save it as \"CSV UTF-8\"."
                : null;
        if (problem is not null)
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Unsupported media type", problem);
        }
    }
}
