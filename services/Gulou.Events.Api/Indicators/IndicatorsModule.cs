using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Indicators;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Indicators;

/// <summary>Survey indicators of the plan (the share of citizens with science literacy, of elderly people who exercise): every observation is kept, the latest of a year stands.</summary>
public static class IndicatorsModule
{
    public static Guid StreamFor(string tenantId, string targetCode) => DeterministicGuid.Create("indicator", tenantId, targetCode);

    public static IServiceCollection AddIndicators(this IServiceCollection services) => services.ConfigureMarten(opts => opts.ConfigureIndicators());

    private static void ConfigureIndicators(this StoreOptions opts)
    {
        opts.Events.MapEventType<IndicatorObserved>("indicator_observed");
        opts.Events.MapEventType<RankObserved>("rank_observed");
        opts.Events.MapEventType<ObservationVerified>("observation_verified");
        opts.Events.MapEventType<ObservationRejected>("observation_rejected");
        opts.Events.MapEventType<ObservationWithdrawn>("observation_withdrawn");
        opts.Projections.Snapshot<IndicatorRecord>(SnapshotLifecycle.Inline);
    }
}
