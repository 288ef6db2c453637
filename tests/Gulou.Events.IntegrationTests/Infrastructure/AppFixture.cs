using System.Net;
using Alba;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Districts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// The one integration harness: the real service (Wolverine endpoints, Marten, the projection daemon) in an
/// Alba host over real PostgreSQL. Every test works in a district (tenant) of its own, so tests need no
/// clean-up and cannot see each other's data, and test classes run in parallel (each class is a collection of
/// its own, taking this as a class fixture). They share one host, started once for the process: several hosts
/// running the projection daemon on one schema would contend for it. Districts are created over the API with the
/// super-administrator's key, in the main database or, when a test asks, in a second database of the same cluster.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<(IAlbaHost Host, string ConnectionString, string SecondConnectionString, CapturedLogs Logs)>> Shared = new(StartSharedAsync);

    public IAlbaHost Host { get; private set; } = null!;

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public string ConnectionString { get; private set; } = "";

    public CapturedLogs Logs { get; private set; } = null!;

    /// <summary>The shared host's clock, which a test may move forward: only a test of the collection that runs alone (<see cref="AloneCollection"/>).</summary>
    public static TestClock Clock { get; } = new();

    /// <summary>The secret volunteers' ID numbers are hashed under in the tests.</summary>
    public const string PersonKeySecret = "test-person-key-secret";

    /// <summary>The master key the person register's data keys are wrapped under in the tests.</summary>
    public const string PersonMasterKey = "test-person-master-key";

    /// <summary>The super-administrator key of every test host.</summary>
    public static readonly string SuperAdminKey = ApiKeys.Generate();

    /// <summary>The name, in the pool, of the second database the fixture's host places districts in when asked.</summary>
    public const string SecondDatabase = "second";

    public const string Schema = "gulou_tests";

    /// <summary>A database of its own in the same cluster, created when missing.</summary>
    public string SecondConnectionString { get; private set; } = "";

    /// <summary>The settings that give a host started on <see cref="Schema"/> the same pool of databases as the fixture's.</summary>
    public IReadOnlyDictionary<string, string> PoolSettings => PoolOf(SecondConnectionString);

    private static Dictionary<string, string> PoolOf(string second) => new() { [$"Gulou:Databases:{SecondDatabase}"] = second };

    public async Task InitializeAsync() => (Host, ConnectionString, SecondConnectionString, Logs) = await Shared.Value;

    private static async Task<(IAlbaHost, string, string, CapturedLogs)> StartSharedAsync()
    {
        var (connectionString, container) = await TestDatabase.AcquireAsync();
        var second = await CreateDatabaseAsync(connectionString, "_second");
        var logs = new CapturedLogs();
        var host = await StartHostAsync(connectionString, Schema, PoolOf(second), logs, services => services.AddSingleton<TimeProvider>(Clock));
        // Stopped when the test process ends, after every class that uses it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            host.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            container?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        };
        return (host, connectionString, second, logs);
    }

    /// <summary>A database named after the given one with <paramref name="suffix"/>, in the same cluster; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string connectionString, string suffix)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database + suffix;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = $1", connection) { Parameters = { new() { Value = name } } };
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
        {
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // created by another test process at the same moment
            }
        }

        builder.Database = name;
        return builder.ConnectionString;
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
            builder.UseSetting("Gulou:PersonMasterKey", PersonMasterKey);
            builder.UseSetting("Gulou:SuperAdminKey", SuperAdminKey);
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

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A fresh district with its plan recorded and an administrator key.</summary>
    public Task<District> NewDistrictAsync() => NewDistrictAsync(null);

    /// <summary>A fresh district, created over the API, in the named database of the pool (the main one when null).</summary>
    public async Task<District> NewDistrictAsync(string? database)
    {
        var code = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = (await SuperAdmin.PostAsync("/api/v1/admin/districts", new CreateDistrict(code, $"测试区 {code}", database)))
            .ShouldBe(HttpStatusCode.Created).As<DistrictCreated>();
        return new District(this, code, created.AdministratorKey.Key);
    }

    public ApiClient Anonymous => new(Host, null);

    public ApiClient SuperAdmin => new(Host, SuperAdminKey);
}

/// <summary>One collection for classes that must not run beside each other; a class on its own takes <c>IClassFixture&lt;AppFixture&gt;</c>.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
