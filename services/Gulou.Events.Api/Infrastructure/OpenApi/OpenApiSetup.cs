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
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Gulou.Events",
                Version = "v1",
                Description = "Registry of the science-popularization activities of the Gulou District science-literacy plan, and progress against its targets.",
            });
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.HeaderName,
                Description = "An access key issued by POST /api/v1/institutions/{id}/keys.",
            });
            o.OperationFilter<ApiKeyRequirementFilter>();
            o.OperationFilter<RawRequestBodyFilter>();
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
