using System.Text.Json;

namespace Gulou.Events.Api.Infrastructure.Observability;

public static class ConsoleLogging
{
    /// <summary>Scopes are what carry the correlation id, the trace id and the request path into each entry.</summary>
    public static ILoggingBuilder AddGulouConsole(this ILoggingBuilder logging, TelemetrySettings settings)
    {
        if (settings.JsonLogs)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }

        return logging;
    }
}
