using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Api.Projections;

public enum OperationKind
{
    Rebuild,
    Verify,
}

public enum OperationState
{
    Requested,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A rebuild or verification asked for over the API. Kept as a document in the main database so that whichever node
/// runs the projection daemon of the database it concerns picks it up, and so that its outcome can be read from any node.
/// </summary>
public sealed class ProjectionOperation
{
    public Guid Id { get; set; }

    public OperationKind Kind { get; set; }

    public string Projection { get; set; } = "";

    /// <summary>The district whose administrator asked for it: the only one that sees it.</summary>
    public string? District { get; set; }

    /// <summary>The database of the pool it works on: a rebuild rebuilds the projection for every district there.</summary>
    public string? Database { get; set; }

    public OperationState State { get; set; }

    public Guid RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Renewed while the operation runs; a running operation whose heartbeat stopped was abandoned by its node.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public string? Error { get; set; }

    public List<string> Differences { get; set; } = [];

    public ProjectionOperationDto ToDto() => new(
        Id, Plan.Codes.Of(Kind), Projection, Plan.Codes.Of(State), RequestedAt, StartedAt, FinishedAt, Error, Differences);
}
