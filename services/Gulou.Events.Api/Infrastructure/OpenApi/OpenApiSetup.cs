using Gulou.Events.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gulou.Events.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddGulouOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        var docs = new XmlDocumentation(DocumentShapeFilter.DocumentedAssemblies);
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Gulou.Events",
                Version = "v1",
                Description = """
                    Registry of the science-popularization activities of the Gulou District science-literacy plan, and progress against its targets.

                    Every route is under `/api/v1`, speaks JSON (camelCase members, snake_case enum values) and needs an `X-Api-Key`.
                    Every refusal and error is a `Problem` (RFC 9457) with a stable `code`; invalid input names each field in `errors`.
                    """,
            });
            foreach (var assembly in DocumentShapeFilter.DocumentedAssemblies.Select(XmlDocumentation.FileOf).Where(File.Exists))
            {
                o.IncludeXmlComments(assembly);
            }

            o.TagActionsBy(api => [OperationTextFilter.TagOf(api)]);
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.HeaderName,
                Description = "An access key issued by POST /api/v1/institutions/{id}/keys.",
            });
            o.OperationFilter<ApiKeyRequirementFilter>();
            o.OperationFilter<RawRequestBodyFilter>();
            o.OperationFilter<OperationTextFilter>(docs);
            o.OperationFilter<ProblemResponsesFilter>();
            o.SchemaFilter<BodyExamplesFilter>();
            o.DocumentFilter<DocumentShapeFilter>(docs);
            o.CustomSchemaIds(type => type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(a => a.Name))
                : type.Name);
        });
        return services;
    }

    public static IApplicationBuilder UseGulouOpenApi(this IApplicationBuilder app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "Gulou.Events API");
        return app;
    }

    /// <summary>Marks every operation that needs a key, so the document and the UI send X-Api-Key.</summary>
    private sealed class ApiKeyRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var anonymous = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            if (anonymous)
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
            });
        }
    }
}
