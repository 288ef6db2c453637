using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Api.Activities.Batching;

/// <summary>Counts outcomes as results come in, a chunk at a time.</summary>
public sealed class OutcomeTally
{
    private readonly int[] _counts = new int[Enum.GetValues<ReportOutcome>().Length];

    public static OutcomeCounts Of(IEnumerable<EntryResult> results)
    {
        var tally = new OutcomeTally();
        tally.Add(results);
        return tally.Counts;
    }

    public OutcomeCounts Counts => new(
        _counts[(int)ReportOutcome.Created], _counts[(int)ReportOutcome.Duplicate], _counts[(int)ReportOutcome.Conflict], _counts[(int)ReportOutcome.Rejected]);

    public void Add(IEnumerable<EntryResult> results)
    {
        foreach (var result in results)
        {
            _counts[(int)result.Outcome]++;
        }
    }
}
