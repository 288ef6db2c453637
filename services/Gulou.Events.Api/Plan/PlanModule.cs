using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Contracts.Plan;
using JasperFx.Events.Projections;
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
        services.ConfigureMarten(opts => opts.ConfigurePlan());
        return services;
    }

    private static void ConfigurePlan(this StoreOptions opts)
    {
        opts.Events.MapEventType<PlanCatalogLoaded>("plan_catalog_loaded");
        opts.Events.MapEventType<PlanCatalogPublished>("plan_catalog_published");
        opts.Projections.Snapshot<LoadedPlan>(SnapshotLifecycle.Inline);
    }
}
