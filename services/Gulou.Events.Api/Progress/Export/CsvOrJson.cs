using System.Reflection;
using Gulou.Events.Api.Infrastructure.Csv;
using Microsoft.AspNetCore.Http.Metadata;

namespace Gulou.Events.Api.Progress.Export;

/// <summary>Answers with JSON, or with CSV when the client asks for <c>text/csv</c>.</summary>
public sealed class CsvOrJson<T>(T body, Func<T, CsvTable> toCsv, string fileName) : IResult, IEndpointMetadataProvider
{
    public T Body { get; } = body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var accepts = httpContext.Request.GetTypedHeaders().Accept;
        if (accepts.Any(a => a.MediaType.Equals(CsvFile.MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            await new CsvFile(toCsv(Body), fileName).ExecuteAsync(httpContext);
            return;
        }

        await TypedResults.Ok(Body).ExecuteAsync(httpContext);
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider is a static interface member: it describes the route's answer to OpenAPI
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json", CsvFile.MediaType]));
#pragma warning restore CA1000
}
