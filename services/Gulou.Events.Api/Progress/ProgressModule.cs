using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Progress;

/// <summary>Figures against the plan's targets and measures, by year, responsible unit and institution, from an asynchronous projection; each figure links to the records behind it.</summary>
public static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services) =>
        services.AddSingleton<Reading.ProgressAnswers>().AddSingleton<Reading.ProgressPositions>().AddSingleton<Export.EncodedAnswers>().AddScoped<Reading.ProgressReader>()
            .ConfigureMarten((provider, opts) => opts.ConfigureProgress(provider.GetRequiredService<CurrentPlan>()));

    /// <summary>The documents the progress projection writes, and nothing else writes: a rebuild (or a district's move) makes them anew from the log.</summary>
    public static readonly IReadOnlyList<Type> Documents = [typeof(Rollup), typeof(RollupMember), typeof(PlanTally), typeof(ActivityTally), typeof(DesignationTally), typeof(VolunteerTally), typeof(IndicatorTally), typeof(SchoolTally)];

    private static void ConfigureProgress(this StoreOptions opts, CurrentPlan plan)
    {
        opts.Projections.Add(new ProgressProjection(plan), ProjectionLifecycle.Async, ProgressProjection.Name, o =>
        {
            // Each batch loads and rewrites every rollup its events touch: larger batches rewrite the shared rollups
            // less often when the projection catches up or rebuilds, and change nothing while it follows live writes.
            o.BatchSize = ProgressProjection.BatchSize;
            foreach (var document in Documents)
            {
                o.DeleteViewTypeOnTeardown(document);
            }
        });

        opts.Schema.For<Rollup>().Duplicate(r => r.Plan).Duplicate(r => r.Scope).Duplicate(r => r.Year).Duplicate(r => r.Target).Duplicate(r => r.Measure);
        // The coverage drill-down lists a target's members; the fold loads members by id only.
        opts.Schema.For<RollupMember>().Duplicate(m => m.Series);
        opts.Schema.For<PlanTally>();
        opts.Schema.For<ActivityTally>();
        opts.Schema.For<DesignationTally>();
        opts.Schema.For<VolunteerTally>();
        opts.Schema.For<IndicatorTally>();
        opts.Schema.For<SchoolTally>();
    }
}
