using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Persistence;
using Marten;
using Marten.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gulou.Events.Api.Infrastructure.Health;

public static class HealthSetup
{
    public static IServiceCollection AddGulouHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<EventStoreHealthCheck>("event-store", tags: ["ready"]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: and the event store answers too.</summary>
    public static IEndpointRouteBuilder MapGulouHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}

/// <summary>
/// Every database of the pool answers within 3 s: unhealthy when the main one (the registry, every district placed
/// nowhere else) does not, degraded (still ready) when only another one does not, naming it.
/// </summary>
public sealed class EventStoreHealthCheck(DistrictDatabases databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IMartenDatabase> all;
        try
        {
            all = await databases.AllAsync();
        }
#pragma warning disable CA1031 // a probe reports every failure as unhealthy
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.GetType().Name}.");
        }

        var answers = await Task.WhenAll(all.Select(async d => (Name: DistrictTenancy.NameOf(d), Failure: await ProbeAsync(d, cancellationToken))));
        var failed = answers.Where(a => a.Failure is not null).ToList();
        if (failed.Count == 0)
        {
            return HealthCheckResult.Healthy(all.Count == 1 ? "PostgreSQL answers." : $"All {all.Count} databases answer.");
        }

        var detail = string.Join("; ", failed.Select(f => $"database {f.Name} does not answer: {f.Failure}"));
        return failed.Any(f => f.Name == DistrictTenancy.Main) ? HealthCheckResult.Unhealthy($"PostgreSQL: {detail}.") : HealthCheckResult.Degraded($"PostgreSQL: {detail}.");
    }

    private static async Task<string?> ProbeAsync(IMartenDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "select 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
#pragma warning disable CA1031 // a probe reports every failure as unhealthy
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.GetType().Name;
        }
    }
}
