using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Api.Reviews.Reviewing;
using Gulou.Events.Api.Reviews.Sealing;

namespace Gulou.Events.Api.Reviews;

/// <summary>A year (or the plan period) as known at a cut-off beside as known now, with every record that changed it since; closing a year with its reviewed figures.</summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviews(this IServiceCollection services) => services
        .AddRecord<YearReview>()
        .AddSingleton<ReviewBuilder>()
        .AddSingleton<YearLocks>()
        .AddSingleton<SealKeeper>();
}
