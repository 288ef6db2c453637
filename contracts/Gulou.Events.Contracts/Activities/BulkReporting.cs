namespace Gulou.Events.Contracts.Activities;

/// <summary>Body of <c>POST /api/v1/activities/batch</c>: reports, each the body of <c>POST /api/v1/activities</c>.</summary>
public sealed record ReportBatch(IReadOnlyList<ReportActivity?> Items)
{
    public const int MaxItems = 1_000;
}

/// <summary>What became of one report of a batch.</summary>
public enum ReportOutcome
{
    Created,
    Duplicate,
    Conflict,
    Rejected,
}

/// <summary>The fate of one item of a batch, in input order.</summary>
public sealed record BatchItemResult(
    int Index,
    string? ExternalRef,
    ReportOutcome Outcome,
    Guid? Id = null,
    string? Code = null,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null);

public sealed record OutcomeCounts(int Created, int Duplicate, int Conflict, int Rejected);

public sealed record BatchResult(bool Atomic, OutcomeCounts Counts, IReadOnlyList<BatchItemResult> Items);
