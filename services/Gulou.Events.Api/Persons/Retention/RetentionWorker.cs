using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure.Hosting;
using Npgsql;

namespace Gulou.Events.Api.Persons.Retention;

/// <summary>
/// Runs the retention schedule over every district once an interval (<c>Gulou:Retention:Interval</c>, a day by default;
/// the first run one interval after start). With several nodes only the one holding a PostgreSQL advisory lock on the
/// main database runs it; the others skip that round.
/// </summary>
public sealed partial class RetentionWorker(RetentionSchedule schedule, DistrictRegistry districts, GulouSettings settings, TimeProvider clock, ILogger<RetentionWorker> logger)
    : BackgroundService
{
    /// <summary>The advisory lock the nodes take turns on ("gulou retention").</summary>
    private const long LockKey = 0x67756c6f75726574;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.RetentionInterval is not { } interval || !settings.HasConfiguredDatabase)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailure(logger, e);
            }
        }
    }

    /// <summary>One round over every district, if this node holds the lock; false when another node holds it.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellation);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } })
        {
            if ((bool?)await take.ExecuteScalarAsync(cancellation) != true)
            {
                return false;
            }
        }

        try
        {
            foreach (var district in await districts.ListAsync(cancellation))
            {
                var report = await schedule.RunAsync(district.Code, dryRun: false, cancellation);
                if (report.Erased > 0 || report.EvidenceExpired > 0)
                {
                    LogErased(logger, report.Erased, report.EvidenceExpired, district.Code);
                }
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = LockKey } } };
            await release.ExecuteScalarAsync(CancellationToken.None);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention erased {Count} people and let {Evidence} pieces of evidence expire in district {District}")]
    private static partial void LogErased(ILogger logger, int count, int evidence, string district);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention schedule failed; it runs again after the next interval")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
