using Alba;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// The one integration harness: the real service (Wolverine endpoints, Marten, the projection daemon) in an
/// Alba host over real PostgreSQL. Every test works in a district (tenant) of its own, so tests need no
/// clean-up and cannot see each other's data, and test classes run in parallel (each class is a collection of
/// its own, taking this as a class fixture). They share one host, started once for the process: several hosts
/// running the projection daemon on one schema would contend for it.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<(IAlbaHost Host, string ConnectionString, CapturedLogs Logs)>> Shared = new(StartSharedAsync);

    public IAlbaHost Host { get; private set; } = null!;

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public string ConnectionString { get; private set; } = "";

    public CapturedLogs Logs { get; private set; } = null!;

    /// <summary>The secret volunteers' ID numbers are hashed under in the tests.</summary>
    public const string PersonKeySecret = "test-person-key-secret";

    public async Task InitializeAsync() => (Host, ConnectionString, Logs) = await Shared.Value;

    private static async Task<(IAlbaHost, string, CapturedLogs)> StartSharedAsync()
    {
        var (connectionString, container) = await TestDatabase.AcquireAsync();
        var logs = new CapturedLogs();
        var host = await StartHostAsync(connectionString, "gulou_tests", logs: logs);
        // Stopped when the test process ends, after every class that uses it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            host.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            container?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        };
        return (host, connectionString, logs);
    }

    /// <summary>The service in a test host, on its own schema, running its projection daemon alone.</summary>
    public static async Task<IAlbaHost> StartHostAsync(string connectionString, string schema, IReadOnlyDictionary<string, string>? settings = null, CapturedLogs? logs = null,
        Action<IServiceCollection>? configure = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
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

                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
                configure?.Invoke(services);
            });
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

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

/// <summary>One collection for classes that must not run beside each other; a class on its own takes <c>IClassFixture&lt;AppFixture&gt;</c>.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
