using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Testcontainers.PostgreSql;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run against: <c>GULOU_TEST_DB</c> when set; otherwise a Testcontainers
/// PostgreSQL when a Docker engine answers; otherwise a clear failure (build/test.sh starts a local one).
/// </summary>
internal static class TestDatabase
{
    public static async Task<(string ConnectionString, IAsyncDisposable? Container)> AcquireAsync()
    {
        var configured = Environment.GetEnvironmentVariable("GULOU_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, null);
        }

        var docker = await DockerProbe.CheckAsync();
        if (docker is not null)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set GULOU_TEST_DB to an Npgsql connection string, make a Docker engine reachable, or run build/test.sh, which starts a private cluster ({docker}).");
        }

        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        return (container.GetConnectionString(), container);
    }
}

/// <summary>Asks the Docker engine for its API version before Testcontainers tries, so a missing engine fails fast and clearly.</summary>
internal static class DockerProbe
{
    private const string MinimumApiVersion = "1.44";

    /// <summary>Null when a usable engine answers; otherwise why not.</summary>
    public static async Task<string?> CheckAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socket = host is null ? "/var/run/docker.sock" : host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : null;
        if (socket is not null && !File.Exists(socket))
        {
            return $"{socket} does not exist";
        }

        using var handler = new SocketsHttpHandler();
        if (socket is not null)
        {
            handler.ConnectCallback = async (_, cancellation) =>
            {
                var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellation);
                return new NetworkStream(s, ownsSocket: true);
            };
        }

        var baseAddress = socket is not null ? "http://docker" : host!.Replace("tcp://", "http://", StringComparison.Ordinal);
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            var version = await client.GetFromJsonAsync<JsonElement>("/version");
            var api = version.GetProperty("ApiVersion").GetString() ?? "0";
            return Version.Parse(api) >= Version.Parse(MinimumApiVersion) ? null : $"the Docker engine speaks API {api}, Testcontainers needs {MinimumApiVersion}";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return $"the Docker engine does not answer: {e.Message}";
        }
    }
}
