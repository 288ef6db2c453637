using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Api.Reviews.Sealing;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Reviews;

/// <summary>A year (or the plan period) as known at a cut-off beside as known now, with every record that changed it since; closing a year with its reviewed figures.</summary>
public static class ReviewsModule
{
    private static void ConfigureReviews(this StoreOptions opts)
    {
        opts.Events.MapEventType<YearClosed>("year_closed");
        opts.Events.MapEventType<UnitYearSubmitted>("unit_year_submitted");
        opts.Events.MapEventType<UnitYearAccepted>("unit_year_accepted");
        opts.Events.MapEventType<UnitYearReturned>("unit_year_returned");
        opts.Events.MapEventType<YearReopened>("year_reopened");
        opts.Events.MapEventType<YearExceptionGranted>("year_exception_granted");
        opts.Events.MapEventType<YearSealed>("year_sealed");
        opts.Projections.Snapshot<YearReview>(SnapshotLifecycle.Inline);
    }

    public static IServiceCollection AddReviews(this IServiceCollection services) => services
        .ConfigureMarten(opts => opts.ConfigureReviews())
        .AddSingleton<ReviewBuilder>()
        .AddSingleton<YearLocks>()
        .AddSingleton<SealKeeper>();
}
