using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Progress;

/// <summary>Figures against the plan's targets and measures, by year, responsible unit and institution, from an asynchronous projection; each figure links to the records behind it.</summary>
public static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services) => services.AddScoped<Reading.ProgressReader>();

    public static void ConfigureProgress(this StoreOptions opts, CurrentPlan plan)
    {
        opts.Projections.Add(new ProgressProjection(plan), ProjectionLifecycle.Async, ProgressProjection.Name, o =>
        {
            o.DeleteViewTypeOnTeardown<Rollup>();
            o.DeleteViewTypeOnTeardown<ActivityTally>();
            o.DeleteViewTypeOnTeardown<DesignationTally>();
            o.DeleteViewTypeOnTeardown<VolunteerTally>();
            o.DeleteViewTypeOnTeardown<IndicatorTally>();
        });

        opts.Schema.For<Rollup>().Duplicate(r => r.Scope).Duplicate(r => r.Year).Duplicate(r => r.Target).Duplicate(r => r.Measure);
        opts.Schema.For<ActivityTally>();
        opts.Schema.For<DesignationTally>();
        opts.Schema.For<VolunteerTally>();
        opts.Schema.For<IndicatorTally>();
    }
}
