namespace Gulou.Events.Contracts.Activities;

/// <summary>A lead unit of one of the activity's measures verified the report.</summary>
public sealed record ActivityVerified(Guid ActivityId, Guid UnitId, string? Note);

/// <summary>A lead unit of one of the activity's measures rejected the report; it no longer counts.</summary>
public sealed record ActivityRejected(Guid ActivityId, Guid UnitId, string Reason);
