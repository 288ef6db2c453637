using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>Marks an endpoint that reads its body itself, in this media type, so that the OpenAPI document still describes it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RawRequestBodyAttribute(string mediaType) : Attribute
{
    public string MediaType { get; } = mediaType;
}

/// <summary>Describes the body of a <see cref="RawRequestBodyAttribute"/> endpoint as text of its media type.</summary>
internal sealed class RawRequestBodyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RawRequestBodyAttribute>().FirstOrDefault() is not { } raw)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [raw.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
    }
}
