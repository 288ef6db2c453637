using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Plan;
using Marten;

namespace Gulou.Events.Api.Tenants;

/// <summary>Bootstraps the default district at start-up, waiting for the database for up to a minute.</summary>
public sealed partial class TenantBootstrapService(IDocumentStore store, CurrentPlan plan, GulouSettings settings, ILogger<TenantBootstrapService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                await TenantBootstrap.EnsureAsync(store, plan, settings.DefaultTenant, settings.AdminKey, logger, cancellationToken);
                return;
            }
            catch (Npgsql.NpgsqlException e) when (e.IsTransient && DateTimeOffset.UtcNow < deadline)
            {
                LogWaiting(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Waiting for the database to bootstrap the district: {Message}")]
    private static partial void LogWaiting(ILogger logger, string message);
}
