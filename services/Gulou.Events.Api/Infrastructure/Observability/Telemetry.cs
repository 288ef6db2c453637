using JasperFx.OpenTelemetry;
using Marten;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gulou.Events.Api.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry for HTTP (ASP.NET Core, tagged by Wolverine with the endpoint type), Marten (connections, appended
/// events, the projection daemon), Wolverine, Npgsql and the runtime. Registered only when an exporter is configured.
/// </summary>
public static class Telemetry
{
    public static readonly string[] Sources = ["Marten", "Wolverine", PollingSpans.Npgsql];

    public static readonly string[] Meters = ["Marten", "Wolverine*", PollingSpans.Npgsql, "System.Runtime"];

    public static IServiceCollection AddGulouTelemetry(this IServiceCollection services, TelemetrySettings settings)
    {
        services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddSource(Sources)
                    .AddProcessor<PollingSpans>();
                if (settings.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(Meters);
                if (settings.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        if (settings.Otlp is not null || settings.OtlpFromStandardVariables)
        {
            if (settings.Otlp is not null)
            {
                telemetry.UseOtlpExporter(settings.OtlpProtocol, settings.Otlp);
            }
            else
            {
                telemetry.UseOtlpExporter();
            }

            // The OTLP exporter ships the logs too; with their scopes, so with the correlation id.
            telemetry.WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
            });
        }

        return services;
    }
}
