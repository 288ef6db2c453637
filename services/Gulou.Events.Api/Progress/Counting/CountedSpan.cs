using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// A designated subject or a volunteer that counts toward a target from one day until another (null while it still
/// counts), and whether a unit verified it. The target's rollups gain it in the year it came in and lose it in the
/// year it went out, so the figure at the end of a year is every year's gains less its losses up to then.
/// </summary>
public sealed record CountedSpan(DateOnly From, DateOnly? Until, bool Verified)
{
    /// <summary>Counted at the end of the year.</summary>
    public bool StandsAt(int year) => From.Year <= year && (Until is null || Until.Value.Year > year);

    /// <summary>Counted once, and taken out by the end of the year.</summary>
    public bool RemovedBy(int year) => Until is { } until && until.Year <= year;

    /// <summary>Whether the drill-down of the figure at the end of a year lists it: standing then, or (<paramref name="removed"/>) taken out by then.</summary>
    public bool ListedAt(int year, CountedAs counted, bool removed) =>
        (counted == CountedAs.Official || Verified) && (removed ? RemovedBy(year) : StandsAt(year));

    public IEnumerable<Contribution> Contributions(string targetCode)
    {
        var added = new Figures { Added = 1 };
        yield return new Contribution(RollupKey.ForTarget(targetCode, From.Year), added, Verified ? added : null);
        if (Until is { } until)
        {
            var removed = new Figures { Removed = 1 };
            yield return new Contribution(RollupKey.ForTarget(targetCode, until.Year), removed, Verified ? removed : null);
        }
    }
}
