using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>
/// A token bucket per key (per client address for requests without a valid key) for the whole cluster: each node
/// spends tokens it borrows from a shared table and settles with it every 100 ms (<see cref="ClusterRateLimits"/>).
/// Over the limit: 429 with <c>Retry-After</c>. <c>Gulou:RateLimit:PermitsPerSecond</c> 0 turns it off (benchmarks).
/// The client address is the connection's, or the one a trusted proxy (<c>Gulou:TrustedProxies</c>) forwarded.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddGulouRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = RateLimitSettings.From(configuration);
        services.AddSingleton(limits);
        services.AddSingleton<ClusterRateLimits>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterRateLimits>());
        services.ConfigureMarten(opts => opts.Storage.ExtendedSchemaObjects.Add(RateLimitSettings.TableIn(opts.DatabaseSchemaName)));
        services.Configure<ForwardedHeadersOptions>(o => TrustProxies(o, configuration["Gulou:TrustedProxies"]));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (limits.PermitsPerSecond <= 0 || http.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var partition = http.User.FindFirstValue(GulouClaims.KeyId) is { } key ? $"key:{key}" : $"address:{http.Connection.RemoteIpAddress}";
                var cluster = http.RequestServices.GetRequiredService<ClusterRateLimits>();
                return RateLimitPartition.Get(partition, cluster.BucketFor);
            });
            o.OnRejected = async (context, cancellation) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var who = http.User.Identity?.IsAuthenticated == true ? "This key" : "This client address";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = Problems.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests",
                        $"{who} sent more than {limits.PermitsPerSecond} requests a second. Retry after {retryAfter} s, or send many activities in one batch."),
                });
            };
        });
        return services;
    }

    /// <summary>
    /// Takes the client address from <c>X-Forwarded-For</c> (and the scheme from <c>X-Forwarded-Proto</c>) only when the
    /// connection comes from one of the configured proxies; from anyone else the headers are ignored.
    /// </summary>
    public static IApplicationBuilder UseGulouForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary><c>Gulou:TrustedProxies</c>: addresses and networks, comma-separated (<c>10.0.0.5, 172.16.0.0/12, ::1</c>).</summary>
    public static void TrustProxies(ForwardedHeadersOptions options, string? trusted)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = null;
        foreach (var entry in (trusted ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"Gulou:TrustedProxies: '{entry}' is neither an address nor a network (address/prefix).");
            }
        }
    }
}
