using JasperFx.Events.Daemon;
using ProjectionCoordinator = Marten.Events.Daemon.Coordination.IProjectionCoordinator;

namespace Gulou.Events.Api.Projections;

/// <summary>The projection daemon of this node, when this node runs it (there is none when the daemon is disabled).</summary>
public sealed class LocalDaemon(IServiceProvider services)
{
    public IProjectionDaemon? Daemon => services.GetService<ProjectionCoordinator>()?.DaemonForMainDatabase();

    /// <summary>The daemon if it is running here; with several nodes only one holds the projections at a time.</summary>
    public IProjectionDaemon? Running => Daemon is { IsRunning: true } daemon ? daemon : null;
}
