using System.Text.Json.Serialization;

namespace Gulou.Events.Contracts.Activities;

/// <summary>Body of <c>POST /api/v1/activities/batch</c>: 1 to 1,000 reports, each the body of <c>POST /api/v1/activities</c>.</summary>
public sealed record ReportBatch(IReadOnlyList<ReportActivity?> Items)
{
    public const int MaxItems = 1000;
}

/// <summary>The fate of one item of a batch or one row of an import.</summary>
public enum ReportOutcome
{
    /// <summary>Stored as a new activity (or, in a dry run, would be).</summary>
    Created,

    /// <summary>The same reference with the same content is already stored, or comes earlier in the same request: nothing new.</summary>
    Duplicate,

    /// <summary>The reference already names other content (stored, or earlier in the same request), or the activity falls in a closed year (<c>year_locked</c>): not stored.</summary>
    Conflict,

    /// <summary>Invalid; <c>errors</c> names the fields. Not stored.</summary>
    Rejected,
}

/// <summary>How many items ended in each outcome.</summary>
public sealed record OutcomeCounts(int Created, int Duplicate, int Conflict, int Rejected);

/// <summary>One item's result, in the batch's order. <c>index</c> counts from 0, as in the <c>items</c> array.</summary>
/// <param name="Id">The activity created, or the one the reference already names.</param>
/// <param name="Code">For a conflict, the same code as the single report's 409.</param>
/// <param name="Errors">For a rejection, the field errors keyed as the single report's 400 keys them.</param>
public sealed record BatchItemResult(
    int Index,
    string? ExternalRef,
    ReportOutcome Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>Answer of <c>POST /api/v1/activities/batch</c>: every item's result in input order.</summary>
public sealed record BatchResult(bool Atomic, OutcomeCounts Counts, IReadOnlyList<BatchItemResult> Items);

/// <summary>One row's result. <c>line</c> is the line of the file where the row starts (the header is line 1).</summary>
/// <param name="Errors">For a rejection, keyed by the column's English name, or <c>row</c> for the row as a whole.</param>
public sealed record ImportRowResult(
    int Line,
    string? ExternalRef,
    ReportOutcome Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>Answer of <c>POST /api/v1/activities/import</c>: every row of the file with its outcome.</summary>
public sealed record ImportResult(bool DryRun, IReadOnlyList<ImportRowResult> Items, OutcomeCounts Counts);
