using Gulou.Events.Contracts.Districts;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Districts;

/// <summary>Districts, each a tenant of its own in a database of the pool: a super-administrator creates them with their name, plans and first administrator key, lists them and moves them between databases; any key reads its own district.</summary>
public static class DistrictsModule
{
    private static void ConfigureDistricts(this StoreOptions opts)
    {
        opts.Events.MapEventType<DistrictRegistered>("district_registered");
        opts.Events.MapEventType<DistrictMoved>("district_moved");
        opts.Projections.Snapshot<DistrictRecord>(SnapshotLifecycle.Inline);
    }

    public static IServiceCollection AddDistricts(this IServiceCollection services) => services
        .ConfigureMarten(opts => opts.ConfigureDistricts())
        .AddSingleton<DistrictPlans>()
        .AddSingleton<DistrictRegistry>()
        .AddSingleton<Moving.DistrictMover>()
        .AddHostedService<DistrictBootstrapService>();
}
