using Gulou.Events.Api.Infrastructure.Hosting;

namespace Gulou.Events.Api.Tenants;

/// <summary>Districts (tenants): each key belongs to one, and a district sees only its own data.</summary>
public static class TenantsModule
{
    public static IServiceCollection AddTenants(this IServiceCollection services, GulouSettings settings) => services.AddSingleton(settings);
}
