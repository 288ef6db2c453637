using Gulou.Events.Api.Infrastructure.Persistence;
using JasperFx.Events.Daemon;
using ProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace Gulou.Events.Api.Projections;

/// <summary>
/// The projection daemons this node runs: one per database of the pool. With several nodes (HotCold) each database's
/// projections run on one node at a time, not necessarily the same node for every database; with the daemon disabled
/// there are none.
/// </summary>
public sealed class LocalDaemon(IServiceProvider services, DistrictDatabases databases)
{
    private ProjectionCoordinator? Coordinator => services.GetService<ProjectionCoordinator>();

    /// <summary>The daemon of a database if it is running on this node.</summary>
    public async Task<IProjectionDaemon?> RunningAsync(string database) =>
        Coordinator is { } coordinator && await coordinator.DaemonForDatabase(database) is { IsRunning: true } daemon ? daemon : null;

    /// <summary>Every database whose daemon runs on this node.</summary>
    public async Task<IReadOnlyList<(string Database, IProjectionDaemon Daemon)>> AllRunningAsync()
    {
        var running = new List<(string, IProjectionDaemon)>();
        if (Coordinator is null)
        {
            return running;
        }

        foreach (var database in await databases.AllAsync())
        {
            var name = DistrictTenancy.NameOf(database);
            if (await RunningAsync(name) is { } daemon)
            {
                running.Add((name, daemon));
            }
        }

        return running;
    }
}
