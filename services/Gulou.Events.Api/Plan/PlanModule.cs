using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Marten;

namespace Gulou.Events.Api.Plan;

/// <summary>The plan catalog: sections, measures, responsible units, targets and activity kinds of the district's science-literacy plan.</summary>
public static class PlanModule
{
    public const string ShippedCatalog = "Plan/Data/gulou-2021-2025.json";

    /// <summary>The catalog that ships with the service, unless <c>Gulou:PlanFile</c> names a replacement.</summary>
    public static CurrentPlan Load(GulouSettings settings) =>
        CurrentPlan.Load(settings.PlanFile ?? Path.Combine(AppContext.BaseDirectory, ShippedCatalog));

    public static IServiceCollection AddPlan(this IServiceCollection services, CurrentPlan plan)
    {
        services.AddSingleton(plan);
        services.AddSingleton(plan.Catalog);
        services.AddSingleton<DistrictPlanBook>();
        services.AddSingleton<IHearsChanges>(provider => provider.GetRequiredService<DistrictPlanBook>());
        services.ConfigureMarten((provider, opts) => opts.Listeners.Add(new PlanAnnouncements(provider.GetRequiredService<DistrictPlanBook>())));
        services.AddRecord<LoadedPlan>();
        return services;
    }
}
