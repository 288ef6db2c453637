using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Gulou.Events.Api.Infrastructure.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies of a feature's requests, shown in the OpenAPI document as each schema's example. A feature
/// lists them in a class of its own folder; every such class in the service is found.
/// </summary>
public interface IBodyExamples
{
    IEnumerable<object> Examples { get; }
}

/// <summary>Sets each schema's example from the <see cref="IBodyExamples"/> of the service, written as the API writes JSON.</summary>
internal sealed class BodyExamplesFilter : ISchemaFilter
{
    private static readonly JsonSerializerOptions Json = ExampleJson();

    private static readonly Dictionary<Type, JsonNode> ByType = typeof(IBodyExamples).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBodyExamples).IsAssignableFrom(t))
        .SelectMany(t => ((IBodyExamples)Activator.CreateInstance(t)!).Examples)
        .ToDictionary(e => e.GetType(), e => JsonSerializer.SerializeToNode(e, e.GetType(), Json)!);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        XmlDocumentation.ShortenNames(schema);
        if (schema is OpenApiSchema concrete && ByType.TryGetValue(context.Type, out var example))
        {
#pragma warning disable CS0618 // "examples" on a schema is OpenAPI 3.1; this document is 3.0, where it is "example"
            concrete.Example = example.DeepClone();
#pragma warning restore CS0618
        }
    }

    private static JsonSerializerOptions ExampleJson()
    {
        var options = JsonDefaults.Create();
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
