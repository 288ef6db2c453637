using Gulou.Events.Contracts;
using Wolverine.Http;

namespace Gulou.Events.Api.Infrastructure.Errors;

/// <summary>
/// An id in the path that names nothing — the empty GUID, text that is no GUID where the route takes one, or text that
/// is no whole number where it takes a year or a number — is a 404 problem for every route, before the endpoint runs: no store is asked for a stream it refuses to name.
/// </summary>
public static class RouteIds
{
    public static IApplicationBuilder UseGulouRouteIds(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is not { } chain)
        {
            return next(http);
        }

        foreach (var name in WholeNumberParameters(chain))
        {
            if (!int.TryParse(http.Request.RouteValues[name] as string, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                throw new ProblemException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found",
                    $"'{name}' names nothing here: it is a whole number.");
            }
        }

        foreach (var name in GuidParameters(chain))
        {
            var raw = http.Request.RouteValues[name] as string;
            if (!Guid.TryParse(raw, out var id) || id == Guid.Empty)
            {
                throw new ProblemException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found",
                    $"'{name}' names nothing here: it is a GUID other than 00000000-0000-0000-0000-000000000000.");
            }
        }

        return next(http);
    });

    /// <summary>The route parameters the endpoint method takes as an <see cref="int"/> (a year, an observation's number).</summary>
    public static IEnumerable<string> WholeNumberParameters(HttpChain chain) =>
        chain.Method.Method.GetParameters()
            .Where(p => p.ParameterType == typeof(int) && p.Name is not null && chain.RoutePattern?.GetParameter(p.Name) is not null)
            .Select(p => p.Name!);

    /// <summary>The route parameters the endpoint method takes as a <see cref="Guid"/>.</summary>
    public static IEnumerable<string> GuidParameters(HttpChain chain) =>
        chain.Method.Method.GetParameters()
            .Where(p => p.ParameterType == typeof(Guid) && p.Name is not null && chain.RoutePattern?.GetParameter(p.Name) is not null)
            .Select(p => p.Name!);
}
