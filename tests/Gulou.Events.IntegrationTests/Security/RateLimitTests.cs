using System.Diagnostics;
using System.Net;
using Alba;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gulou.Events.IntegrationTests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_and_other_keys_are_unaffected()
    {
        var (connectionString, container) = await TestDatabase.AcquireAsync();
        await using var host = await AppFixture.StartHostAsync(connectionString, "gulou_ratelimit_tests", new Dictionary<string, string>
        {
            ["Gulou:RateLimit:PermitsPerSecond"] = "5",
            ["Gulou:RateLimit:Burst"] = "5",
        });
        try
        {
            var (busy, calm) = (ApiKeys.Generate(), ApiKeys.Generate());
            var plan = host.Services.GetRequiredService<CurrentPlan>();
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await TenantBootstrap.EnsureAsync(store, plan, "t" + Guid.NewGuid().ToString("N")[..12], busy, NullLogger.Instance, CancellationToken.None);
            await TenantBootstrap.EnsureAsync(store, plan, "t" + Guid.NewGuid().ToString("N")[..12], calm, NullLogger.Instance, CancellationToken.None);

            var answers = new List<ApiResponse>();
            for (var i = 0; i < 12; i++)
            {
                answers.Add(await new ApiClient(host, busy).GetAsync("/api/v1/plan"));
            }

            var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(limited);
            Assert.True(answers.Count(a => a.Status == HttpStatusCode.OK) >= 5);
            Assert.Equal("rate_limited", limited[0].Problem(HttpStatusCode.TooManyRequests).Code);
            Assert.True(int.Parse(limited[0].Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            (await new ApiClient(host, calm).GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK);
            (await new ApiClient(host, null).GetAsync("/health/live")).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Two nodes on one schema share each key's bucket: of many requests sent at once to both, what they admit together
    /// stays within one bucket's worth (the burst, the refill over the time taken, and the documented credit of one
    /// settlement interval per node), where per-node limits would admit a burst on each node.
    /// </summary>
    [Fact]
    public async Task Two_nodes_admit_one_key_no_more_than_the_cluster_limit_between_them()
    {
        const int PerSecond = 2, Burst = 20, Requests = 80;
        var (connectionString, container) = await TestDatabase.AcquireAsync();
        var settings = new Dictionary<string, string>
        {
            ["Gulou:RateLimit:PermitsPerSecond"] = $"{PerSecond}",
            ["Gulou:RateLimit:Burst"] = $"{Burst}",
            ["Gulou:Daemon"] = "Disabled",
        };
        await using var first = await AppFixture.StartHostAsync(connectionString, "gulou_ratelimit_cluster", settings);
        await using var second = await AppFixture.StartHostAsync(connectionString, "gulou_ratelimit_cluster", settings);
        try
        {
            var key = ApiKeys.Generate();
            await TenantBootstrap.EnsureAsync(first.Services.GetRequiredService<IDocumentStore>(), first.Services.GetRequiredService<CurrentPlan>(),
                "t" + Guid.NewGuid().ToString("N")[..12], key, NullLogger.Instance, CancellationToken.None);

            var clock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
            {
                var node = i % 2 == 0 ? first : second;
                return (Node: node, Answer: await new ApiClient(node, key).GetAsync("/api/v1/plan"));
            }));
            var elapsed = clock.Elapsed.TotalSeconds;

            Assert.All(answers.Where(a => a.Answer.Status != HttpStatusCode.OK), a => Assert.Equal("rate_limited", a.Answer.Problem(HttpStatusCode.TooManyRequests).Code));
            var admitted = answers.Where(a => a.Answer.Status == HttpStatusCode.OK).GroupBy(a => a.Node).ToDictionary(g => g.Key, g => g.Count());
            var total = admitted.Values.Sum();
            var credit = Math.Max(1, PerSecond * 0.1);
            var bound = Burst + (PerSecond * (elapsed + 0.2)) + (2 * credit);
            Assert.True(total <= bound, $"both nodes admitted {total} in {elapsed:F2} s; one bucket allows {bound:F0}, a bucket per node {2 * Burst}");
            Assert.True(admitted.GetValueOrDefault(first) > 0 && admitted.GetValueOrDefault(second) > 0, "each node admits the key");
            if (bound < Requests)
            {
                Assert.True(total < Requests, "some requests are refused");
            }
        }
        finally
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Callers without a key are limited by client address. X-Forwarded-For names that address only when the
    /// connection comes from a configured proxy: a client that sends it itself is still limited by its own address.
    /// </summary>
    [Fact]
    public async Task A_forwarded_address_counts_only_when_a_trusted_proxy_sent_it()
    {
        var (connectionString, container) = await TestDatabase.AcquireAsync();
        await using var host = await AppFixture.StartHostAsync(connectionString, "gulou_ratelimit_proxy", new Dictionary<string, string>
        {
            ["Gulou:RateLimit:PermitsPerSecond"] = "2",
            ["Gulou:RateLimit:Burst"] = "2",
            ["Gulou:Daemon"] = "Disabled",
            ["Gulou:TrustedProxies"] = "127.0.0.1, 10.20.0.0/16",
        });
        try
        {
            async Task<List<int>> SendAsync(string from)
            {
                var statuses = new List<int>();
                for (var i = 0; i < 12; i++)
                {
                    var result = await host.Scenario(s =>
                    {
                        s.Get.Url("/api/v1/plan");
                        s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(from));
                        s.WithRequestHeader("X-Forwarded-For", $"203.0.113.{i + 1}");
                        s.IgnoreStatusCode();
                    });
                    statuses.Add(result.Context.Response.StatusCode);
                }

                return statuses;
            }

            var spoofed = await SendAsync("198.51.100.7");
            Assert.Contains(429, spoofed);
            Assert.All(spoofed, s => Assert.True(s is 401 or 429, $"{s}"));

            // Through a trusted proxy each forwarded client has its own bucket: 12 clients, one request each.
            Assert.All(await SendAsync("127.0.0.1"), s => Assert.Equal(401, s));
            Assert.All(await SendAsync("10.20.3.4"), s => Assert.Equal(401, s));
        }
        finally
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }
}
