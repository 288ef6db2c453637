using Alba;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// The one integration harness: the real service (Wolverine endpoints, Marten, the projection daemon) in an
/// Alba host over real PostgreSQL. Every test works in a district (tenant) of its own, so tests need no
/// clean-up and cannot see each other's data.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private IAsyncDisposable? _container;

    public IAlbaHost Host { get; private set; } = null!;

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public string ConnectionString { get; private set; } = "";

    public CapturedLogs Logs { get; } = new();

    /// <summary>The secret volunteers' ID numbers are hashed under in the tests.</summary>
    public const string PersonKeySecret = "test-person-key-secret";

    public async Task InitializeAsync()
    {
        (ConnectionString, _container) = await TestDatabase.AcquireAsync();
        Host = await StartHostAsync(ConnectionString, "gulou_tests", logs: Logs);
    }

    /// <summary>The service in a test host, on its own schema, running its projection daemon alone.</summary>
    public static async Task<IAlbaHost> StartHostAsync(string connectionString, string schema, IReadOnlyDictionary<string, string>? settings = null, CapturedLogs? logs = null,
        Action<IServiceCollection>? configure = null)
    {
        return await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Gulou", connectionString);
            builder.UseSetting("Gulou:Daemon", "Solo");
            builder.UseSetting("Gulou:DatabaseSchema", schema);
            builder.UseSetting("Gulou:PersonKeySecret", PersonKeySecret);
            // Tests share keys across many quick requests; the limiter's own test runs a host with a low limit.
            builder.UseSetting("Gulou:RateLimit:PermitsPerSecond", "100000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                if (logs is not null)
                {
                    services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
                }

                services.DisableAllExternalWolverineTransports();
                configure?.Invoke(services);
            });
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    /// <summary>A fresh district with its plan recorded and an administrator key.</summary>
    public async Task<District> NewDistrictAsync()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..12];
        var adminKey = ApiKeys.Generate();
        var plan = Host.Services.GetRequiredService<CurrentPlan>();
        await TenantBootstrap.EnsureAsync(Store, plan, tenant, adminKey, NullLogger.Instance, CancellationToken.None);
        return new District(this, tenant, adminKey);
    }

    public ApiClient Anonymous => new(Host, null);
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
