using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Gulou.Events.Api.Infrastructure.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddGulouSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        // Every endpoint needs a district's key unless it says [AllowAnonymous] (probes, the OpenAPI document, the
        // dashboard page) or names its roles; the super-administrator's key belongs to no district.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(GulouClaims.Tenant).Build());
        services.AddSingleton<SuperAdministrator>();
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService<ApiKeyListener>();
        return services;
    }
}
