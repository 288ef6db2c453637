using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.Api.Districts;

/// <summary>Districts, each a tenant of its own in a database of the pool: a super-administrator creates them with their name, plans and first administrator key, lists them and moves them between databases; any key reads its own district.</summary>
public static class DistrictsModule
{
    public static IServiceCollection AddDistricts(this IServiceCollection services) => services
        .AddRecord<DistrictRecord>()
        .AddSingleton<DistrictPlans>()
        .AddSingleton<DistrictRegistry>()
        .AddSingleton<Moving.DistrictMover>()
        .AddHostedService<DistrictBootstrapService>();
}
