using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Reviews;

/// <summary>A year (or the plan period) as known at a cut-off beside as known now, with every record that changed it since; closing a year with its reviewed figures.</summary>
public static class ReviewsModule
{
    public static void ConfigureReviews(this StoreOptions opts)
    {
        opts.Events.MapEventType<YearClosed>("year_closed");
        opts.Projections.Snapshot<YearReview>(SnapshotLifecycle.Inline);
    }

    public static IServiceCollection AddReviews(this IServiceCollection services) => services.AddSingleton<ReviewBuilder>();
}
