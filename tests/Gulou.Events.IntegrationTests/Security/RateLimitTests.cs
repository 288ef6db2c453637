using System.Net;
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
}
