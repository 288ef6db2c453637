using System.Diagnostics;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Marten;
using Marten.Storage;
using Npgsql;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>
/// Keeps <see cref="ApiKeyCache"/> in step with every database of the pool: one connection per database LISTENs for
/// announced key changes, reads all keys after it starts listening and every <see cref="RefreshInterval"/> again, and
/// confirms several times a second that nothing it should have heard is pending (a round trip on the same connection
/// delivers every notification committed before it). A lost connection is retried every second; its database's keys
/// are read from the database meanwhile. Databases added to the pool are found within <see cref="PoolInterval"/>.
/// The same connection hears the other changes announced for what nodes keep in memory (<see cref="IHearsChanges"/>:
/// a district's plans) and confirms them alike.
/// </summary>
public sealed partial class ApiKeyListener(
    IDocumentStore store, ApiKeyCache cache, IApiKeyStore keys, IEnumerable<IHearsChanges> hearers, GulouSettings settings, ILogger<ApiKeyListener> logger)
    : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan PoolInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ConfirmInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly string _channel = ApiKeyCache.ChannelFor(settings.DatabaseSchema);
    private readonly IReadOnlyList<IHearsChanges> _hearers = hearers.ToList();

    /// <summary>How the listening connections are named in <c>pg_stat_activity</c>.</summary>
    public static string ApplicationName(string schema) => $"gulou key listener {schema}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = new Dictionary<string, Task>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var database in await store.Storage.AllDatabases().ConfigureAwait(false))
                {
                    var name = DistrictTenancy.NameOf(database);
                    if (!listening.ContainsKey(name))
                    {
                        listening[name] = ListenAsync(database, name, stoppingToken);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPoolUnavailable(logger, e.Message);
            }

            try
            {
                await Task.Delay(PoolInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(listening.Values).ConfigureAwait(false);
    }

    private async Task ListenAsync(IMartenDatabase database, string name, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = database.CreateConnection();
                connection.Notification += (_, e) => Heard(database, name, e.Channel, e.Payload);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"set application_name = '{ApplicationName(settings.DatabaseSchema)}'; {string.Concat(_hearers.Select(h => $"listen \"{h.Channel}\"; "))}listen \"{_channel}\"", stoppingToken).ConfigureAwait(false);
                LogListening(logger, name);

                long? refreshed = null;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (refreshed is null || Stopwatch.GetElapsedTime(refreshed.Value) >= RefreshInterval)
                    {
                        refreshed = Stopwatch.GetTimestamp();
                        var since = cache.Begin();
                        cache.Replace(name, await keys.LoadAllAsync(database, stoppingToken).ConfigureAwait(false), since);
                    }

                    var before = cache.Timestamp();
                    await ExecuteAsync(connection, "select 1", stoppingToken).ConfigureAwait(false);
                    cache.Confirm(name, before);
                    foreach (var hearer in _hearers)
                    {
                        hearer.Confirm(name, before);
                    }
                    await connection.WaitAsync(ConfirmInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Distrust(name);
                LogLost(logger, name, e.Message);
            }

            try
            {
                await Task.Delay(RetryInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        Distrust(name);
    }

    private void Distrust(string name)
    {
        cache.Distrust(name);
        foreach (var hearer in _hearers)
        {
            hearer.Distrust(name);
        }
    }

    /// <summary>Runs on the listening connection while it reads, before the round trip that confirms the cache completes.</summary>
    private void Heard(IMartenDatabase database, string name, string channel, string payload)
    {
        if (channel != _channel)
        {
            foreach (var hearer in _hearers.Where(h => h.Channel == channel))
            {
                hearer.Heard(name, payload);
            }

            return;
        }

        if (!Guid.TryParse(payload, out var keyId))
        {
            return;
        }

        cache.Invalidate(keyId);
        _ = ReloadAsync(database, name, keyId);
    }

    private async Task ReloadAsync(IMartenDatabase database, string name, Guid keyId)
    {
        try
        {
            var since = cache.Begin();
            if (await keys.FindAsync(database, keyId, CancellationToken.None).ConfigureAwait(false) is { } key)
            {
                cache.Put(name, key, since);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogReloadFailed(logger, name, e.Message); // the key stays forgotten; the next request reads it
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 5;
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Information, "Listening for key changes in database {Database}")]
    private static partial void LogListening(ILogger logger, string database);

    [LoggerMessage(LogLevel.Warning, "Lost the key-change listener of database {Database}; its keys are read from it until it is back: {Message}")]
    private static partial void LogLost(ILogger logger, string database, string message);

    [LoggerMessage(LogLevel.Warning, "Could not list the databases of the pool: {Message}")]
    private static partial void LogPoolUnavailable(ILogger logger, string message);

    [LoggerMessage(LogLevel.Warning, "Could not reload a changed key from database {Database}: {Message}")]
    private static partial void LogReloadFailed(ILogger logger, string database, string message);
}
