using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>
/// A token bucket per key (per client address for requests without a valid key), on each node. Over the limit:
/// 429 with <c>Retry-After</c>. <c>Gulou:RateLimit:PermitsPerSecond</c> 0 turns it off (benchmarks).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddGulouRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("Gulou:RateLimit:PermitsPerSecond", 50);
        var burst = configuration.GetValue("Gulou:RateLimit:Burst", 100);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (perSecond <= 0 || http.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var partition = http.User.FindFirstValue(GulouClaims.KeyId) is { } key ? $"key:{key}" : $"address:{http.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(burst, perSecond),
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, cancellation) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = Problems.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests",
                        $"This key sent more than {perSecond} requests a second. Retry after {retryAfter} s, or send many activities in one batch."),
                });
            };
        });
        return services;
    }
}
