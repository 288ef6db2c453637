using Gulou.Events.Api.Projections.Verifying;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;

namespace Gulou.Events.Api.Projections;

/// <summary>
/// Carries out requested rebuilds and verifications on the node that runs the projection daemon of the database they
/// concern (with several nodes, whichever holds that daemon's lock), while the service keeps answering.
/// </summary>
public sealed partial class ProjectionOperationsWorker(LocalDaemon local, IDocumentStore store, ProjectionVerifier verifier, TimeProvider clock, ILogger<ProjectionOperationsWorker> logger)
    : BackgroundService
{
    public const int MaxReportedDifferences = 200;

    /// <summary>
    /// How long a rebuild may take: not a bound a larger district could reach (a day at the measured rate is a hundred
    /// million events); the operation's heartbeat says it is alive and <c>GET /api/v1/admin/projections</c> its position.
    /// </summary>
    public static readonly TimeSpan RebuildTimeout = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunNextAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunNextAsync(CancellationToken cancellation)
    {
        foreach (var (database, daemon) in await local.AllRunningAsync())
        {
            await RunNextAsync(database, daemon, cancellation);
        }
    }

    private async Task RunNextAsync(string database, IProjectionDaemon daemon, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var operation = await session.Query<ProjectionOperation>()
            .Where(o => o.State == OperationState.Requested && o.Database == database).OrderBy(o => o.RequestedAt).FirstOrDefaultAsync(cancellation);
        if (operation is null)
        {
            return;
        }

        operation.State = OperationState.Running;
        operation.StartedAt = operation.HeartbeatAt = clock.GetUtcNow();
        session.Store(operation);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return; // another node took it
        }

        using var heartbeat = new CancellationTokenSource();
        var beating = BeatAsync(operation.Id, heartbeat.Token);
        try
        {
            if (operation.Kind == OperationKind.Rebuild)
            {
                await daemon.RebuildProjectionAsync(operation.Projection, RebuildTimeout, cancellation);
                // A rebuild leaves the projection's agent stopped: start it again so new events are projected.
                await daemon.StartAgentAsync($"{operation.Projection}:All", cancellation);
            }
            else
            {
                var differences = await verifier.VerifyDistrictAsync(operation.District!, null, cancellation);
                operation.Differences = differences.Take(MaxReportedDifferences).ToList();
                if (differences.Count > 0)
                {
                    operation.Error = $"{differences.Count} document(s) differ from a replay of the log.";
                }
            }

            operation.State = operation.Error is null ? OperationState.Succeeded : OperationState.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            operation.State = OperationState.Failed;
            operation.Error = e.Message;
            LogFailure(logger, e);
        }

        await heartbeat.CancelAsync();
        await beating;
        await using var done = store.LightweightSession();
        var latest = await done.LoadAsync<ProjectionOperation>(operation.Id, CancellationToken.None);
        latest!.State = operation.State;
        latest.Error = operation.Error;
        latest.Differences = operation.Differences;
        latest.FinishedAt = clock.GetUtcNow();
        done.Store(latest);
        await done.SaveChangesAsync(CancellationToken.None);
    }

    private async Task BeatAsync(Guid id, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop);
                await using var session = store.LightweightSession();
                var operation = await session.LoadAsync<ProjectionOperation>(id, stop);
                operation!.HeartbeatAt = clock.GetUtcNow();
                session.Store(operation);
                await session.SaveChangesAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A projection operation failed")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
