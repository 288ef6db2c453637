namespace Gulou.Events.Api.Infrastructure.Observability;

public static class ObservabilitySetup
{
    /// <summary>Structured console logs, and OpenTelemetry traces, metrics and logs when an exporter is configured.</summary>
    public static WebApplicationBuilder AddGulouObservability(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Logging.AddGulouConsole(settings);
        if (settings.Enabled)
        {
            builder.Services.AddGulouTelemetry(settings);
        }

        return builder;
    }

    /// <summary>First in the pipeline, so that every log of a request, the error handler's included, carries its correlation id.</summary>
    public static IApplicationBuilder UseGulouObservability(this IApplicationBuilder app) => app.UseMiddleware<RequestLog>();
}
