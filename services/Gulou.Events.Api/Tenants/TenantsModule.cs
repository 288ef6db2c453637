using Gulou.Events.Api.Infrastructure.Hosting;

namespace Gulou.Events.Api.Tenants;

public static class TenantsModule
{
    public static IServiceCollection AddTenants(this IServiceCollection services, GulouSettings settings) => services.AddSingleton(settings);
}
