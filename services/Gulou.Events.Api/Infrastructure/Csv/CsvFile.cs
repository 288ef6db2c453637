using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Gulou.Events.Api.Infrastructure.Csv;

/// <summary>Answers with a table as a CSV download (UTF-8 with a byte-order mark).</summary>
public sealed class CsvFile(CsvTable table, string fileName) : IResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/csv";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = $"{MediaType}; charset=utf-8";
        httpContext.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{fileName}.csv\"";
        await httpContext.Response.Body.WriteAsync(table.ToBytes(), httpContext.RequestAborted);
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider is a static interface member: it describes the route's answer to OpenAPI
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [MediaType]));
#pragma warning restore CA1000
}
