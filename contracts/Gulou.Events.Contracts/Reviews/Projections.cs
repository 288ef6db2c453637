namespace Gulou.Events.Contracts.Reviews;

/// <summary>A projection's position in the event log and what is happening to it.</summary>
/// <param name="State">running, rebuilding, stopped, or inline (updated in the same transaction as the events).</param>
/// <param name="Progress">Position over the high-water mark, from 0 to 1.</param>
public sealed record ProjectionStatus(string Name, string Lifecycle, string State, long Position, long HighWaterMark, decimal Progress);

/// <summary>Background work on the projections (a rebuild or a verification) and how it went.</summary>
public sealed record ProjectionOperationDto(
    Guid Id,
    string Kind,
    string Projection,
    string State,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    IReadOnlyList<string> Differences);

public sealed record ProjectionsOverview(long HighWaterMark, IReadOnlyList<ProjectionStatus> Projections, IReadOnlyList<ProjectionOperationDto> Operations);
