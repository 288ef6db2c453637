using System.Reflection;
using System.Text.Json;
using Gulou.Events.Api.Activities.Batching;
using Gulou.Events.Contracts.Activities;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Gulou.Events.Api.Activities.Importing;

/// <summary>
/// The answer to an import, streamed as <see cref="ImportResult"/>: the rows go through the batch a chunk at a time and
/// each chunk's results are written as soon as they are known, so neither the file nor the answer is held in memory.
/// </summary>
public sealed class ImportAnswer(ImportFile file, ActivityBatch batch, bool dryRun) : IResult, IEndpointMetadataProvider
{
    /// <summary>
    /// Storing costs some kilobytes a row while a chunk is saved (its events and snapshots, as objects and as JSON in
    /// one database batch), so chunks are smaller than a batch may be: a few megabytes, whatever the size of the file.
    /// </summary>
    public const int ChunkRows = 250;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var cancellation = httpContext.RequestAborted;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var mode = dryRun ? BatchMode.DryRun : BatchMode.Store;
        var tally = new OutcomeTally();
        Utf8JsonWriter? json = null;
        try
        {
            await foreach (var chunk in file.ChunksAsync(ChunkRows, cancellation))
            {
                var results = await batch.ProcessAsync(chunk.Select(row => row.Entry).ToList(), mode, cancellation);
                tally.Add(results);

                // Nothing is written before the first chunk is decided: until then a failure can still be a problem answer.
                json ??= Begin(httpContext);
                for (var i = 0; i < chunk.Count; i++)
                {
                    JsonSerializer.Serialize(json, ImportRows.ResultOf(chunk[i].Line, results[i]), options);
                }

                await json.FlushAsync(cancellation);
                await httpContext.Response.BodyWriter.FlushAsync(cancellation);
            }

            json ??= Begin(httpContext);
            json.WriteEndArray();
            json.WritePropertyName("counts");
            JsonSerializer.Serialize(json, tally.Counts, options);
            json.WriteEndObject();
            await json.FlushAsync(cancellation);
        }
        finally
        {
            if (json is not null)
            {
                await json.DisposeAsync();
            }
        }
    }

    private Utf8JsonWriter Begin(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteBoolean("dryRun", dryRun);
        json.WriteStartArray("items");
        return json;
    }

#pragma warning disable CA1000 // IEndpointMetadataProvider is a static interface member: it describes the route's answer to OpenAPI
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ImportResult), ["application/json"]));
#pragma warning restore CA1000
}
