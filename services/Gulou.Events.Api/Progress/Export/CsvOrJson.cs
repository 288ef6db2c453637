using System.Reflection;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Csv;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Gulou.Events.Api.Progress.Export;

/// <summary>
/// Answers with JSON, or with CSV when the client asks for <c>text/csv</c>. With an entity tag, the answer carries it
/// (one per format) and a client that sends it back in <c>If-None-Match</c> gets 304 without a body.
/// </summary>
public sealed class CsvOrJson<T>(T body, Func<T, CsvTable> toCsv, string fileName, string? entityTag = null) : IResult, IEndpointMetadataProvider
{
    public T Body { get; } = body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request.GetTypedHeaders();
        var csv = request.Accept.Any(a => a.MediaType.Equals(CsvFile.MediaType, StringComparison.OrdinalIgnoreCase));
        if (entityTag is not null)
        {
            var tag = csv ? entityTag.Insert(entityTag.Length - 1, "-csv") : entityTag;
            var response = httpContext.Response;
            response.Headers.ETag = tag;
            // Each district's answer: kept by the client only, and asked for again each time (a 304 costs no body).
            response.Headers.CacheControl = "private, no-cache";
            response.Headers.Vary = "Accept";
            if (request.IfNoneMatch.Any(t => t.Tag.Equals(tag, StringComparison.Ordinal) || t.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        if (csv)
        {
            await new CsvFile(toCsv(Body), fileName).ExecuteAsync(httpContext);
            return;
        }

        if (entityTag is null)
        {
            await TypedResults.Ok(Body).ExecuteAsync(httpContext);
            return;
        }

        var services = httpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var json = services.GetRequiredService<EncodedAnswers>().Json(entityTag, () => JsonSerializer.SerializeToUtf8Bytes(Body, options));
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = json.Length;
        await httpContext.Response.Body.WriteAsync(json, httpContext.RequestAborted);
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider is a static interface member: it describes the route's answer to OpenAPI
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json", CsvFile.MediaType]));
#pragma warning restore CA1000
}
