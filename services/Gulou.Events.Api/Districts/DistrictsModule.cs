using Gulou.Events.Contracts.Districts;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Districts;

public static class DistrictsModule
{
    public static void ConfigureDistricts(this StoreOptions opts)
    {
        opts.Events.MapEventType<DistrictRegistered>("district_registered");
        opts.Events.MapEventType<DistrictMoved>("district_moved");
        opts.Projections.Snapshot<DistrictRecord>(SnapshotLifecycle.Inline);
    }

    public static IServiceCollection AddDistricts(this IServiceCollection services) => services
        .AddSingleton<DistrictPlans>()
        .AddSingleton<DistrictRegistry>()
        .AddSingleton<Moving.DistrictMover>()
        .AddHostedService<DistrictBootstrapService>();
}
