using Gulou.Events.Api.Projections.Verifying;
using Marten;

namespace Gulou.Events.Api.Projections;

/// <summary>The read models behind the figures: their positions, and rebuilds and verifications that run in the background.</summary>
public static class ProjectionsModule
{
    private static void ConfigureProjectionOperations(this StoreOptions opts) =>
        opts.Schema.For<ProjectionOperation>().UseOptimisticConcurrency(true);

    public static IServiceCollection AddProjectionOperations(this IServiceCollection services) => services
        .ConfigureMarten(opts => opts.ConfigureProjectionOperations())
        .AddSingleton<LocalDaemon>()
        .AddSingleton<ProjectionOperations>()
        .AddSingleton<ProjectionVerifier>()
        .AddHostedService<ProjectionOperationsWorker>();
}
