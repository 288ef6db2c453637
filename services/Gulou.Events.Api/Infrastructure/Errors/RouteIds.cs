using System.Collections.Concurrent;
using System.Globalization;
using Gulou.Events.Contracts;
using Wolverine.Http;

namespace Gulou.Events.Api.Infrastructure.Errors;

/// <summary>
/// An id in the path that names nothing — the empty GUID, text that is no GUID where the route takes one, or text that
/// is no whole number where it takes a year or a number — is a 404 problem for every route, before the endpoint runs: no store is asked for a stream it refuses to name.
/// </summary>
public static class RouteIds
{
    // The id parameters of an endpoint, read from its method once rather than on every request.
    private static readonly ConcurrentDictionary<HttpChain, (string Name, bool IsGuid)[]> IdsByChain = new();

    public static IApplicationBuilder UseGulouRouteIds(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is not { } chain)
        {
            return next(http);
        }

        foreach (var (name, isGuid) in IdsByChain.GetOrAdd(chain, IdsOf))
        {
            var raw = http.Request.RouteValues[name] as string;
            var namesSomething = isGuid
                ? Guid.TryParse(raw, out var id) && id != Guid.Empty
                : int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            if (!namesSomething)
            {
                throw new ProblemException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found", isGuid
                    ? $"'{name}' names nothing here: it is a GUID other than 00000000-0000-0000-0000-000000000000."
                    : $"'{name}' names nothing here: it is a whole number.");
            }
        }

        return next(http);
    });

    /// <summary>The route parameters the endpoint method takes as a <see cref="Guid"/> or an <see cref="int"/> (a year, an observation's number).</summary>
    private static (string Name, bool IsGuid)[] IdsOf(HttpChain chain) =>
        chain.Method.Method.GetParameters()
            .Where(p => (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(int)) && p.Name is not null && chain.RoutePattern?.GetParameter(p.Name) is not null)
            .Select(p => (p.Name!, p.ParameterType == typeof(Guid)))
            .ToArray();
}
