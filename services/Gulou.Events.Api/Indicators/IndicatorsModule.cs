using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.Api.Indicators;

/// <summary>Survey indicators of the plan (the share of citizens with science literacy, of elderly people who exercise): every observation is kept, the latest of a year stands.</summary>
public static class IndicatorsModule
{
    public static Guid StreamFor(string tenantId, string targetCode) => DeterministicGuid.Create("indicator", tenantId, targetCode);

    public static IServiceCollection AddIndicators(this IServiceCollection services) => services.AddRecord<IndicatorRecord>();
}
