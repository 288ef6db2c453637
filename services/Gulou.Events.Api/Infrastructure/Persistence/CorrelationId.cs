using System.Text.RegularExpressions;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Observability;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// Every request has a correlation id: the client's <c>X-Correlation-ID</c> when it sends a sensible one,
/// otherwise the trace id. It is echoed back, stored on every event the request appends and carried by every log
/// entry of the request (<see cref="RequestScope"/>).
/// </summary>
public static partial class CorrelationId
{
    public const string HeaderName = "X-Correlation-ID";
    private const string ItemKey = "gulou:correlation-id";

    public static string Of(HttpContext http) => http.Items[ItemKey] as string ?? http.TraceIdentifier;

    public static IApplicationBuilder UseGulouCorrelationId(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var sent = http.Request.Headers[HeaderName].ToString();
        if (sent.Length > 0 && !Acceptable().IsMatch(sent))
        {
            throw ProblemException.Invalid(HeaderName, "A correlation id is 1 to 128 letters, digits, '-', '_', '.', ':' or '/'.");
        }

        var id = sent.Length > 0 ? sent : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        http.Items[ItemKey] = id;
        http.Response.Headers[HeaderName] = id;
        RequestScope.SetCorrelationId(http, id);
        await next(http);
    });

    [GeneratedRegex("^[A-Za-z0-9_.:/-]{1,128}$")]
    private static partial Regex Acceptable();
}
