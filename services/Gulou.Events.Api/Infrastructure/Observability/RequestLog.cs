using System.Diagnostics;

namespace Gulou.Events.Api.Infrastructure.Observability;

/// <summary>
/// Opens the request's logging scope and, when the request is done, logs one line: method, route template (never
/// the raw path or query), final status and duration. Probes are not logged.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var scope = RequestScope.Begin(http);
        using (logger.BeginScope(scope))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                if (!http.Request.Path.StartsWithSegments("/health"))
                {
                    var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                    LogRequest(logger, http.Request.Method, route, http.Response.StatusCode, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "{Method} {Route} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMilliseconds);
}
