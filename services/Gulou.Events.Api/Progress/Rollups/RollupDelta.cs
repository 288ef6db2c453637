using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Rollups;

/// <summary>
/// The change to rollups when records move from one state to another: what they add now minus what they added before.
/// The figures add up; the institutions a record counts for change the members of the shared rollups
/// (<see cref="ApplyTo(IReadOnlyDictionary{string, RollupMember}, Func{RollupKey, PlanPeriod?})"/>), and the members
/// that start or stop counting change the rollups' institution counts.
/// </summary>
public sealed class RollupDelta
{
    // Keyed by the keys themselves, not their string ids: a batch adds thousands of contributions, and the ids are
    // made once per rollup or member touched, when they are loaded and applied.
    private readonly Dictionary<RollupKey, (Figures Official, Figures Verified)> _changes = [];

    /// <summary>Per member (its series, as a key of no year, and the institution): the records added per year (official, verified).</summary>
    private readonly Dictionary<(RollupKey Series, Guid Institution), Dictionary<int, (int Official, int Verified)>> _members = [];

    /// <summary>The year of a key that stands for its whole series.</summary>
    private const int AnyYear = int.MinValue;

    public IEnumerable<string> RollupIds => _changes.Keys.Select(k => k.Id);

    /// <summary>The members the contributions touched, whether or not their counts changed in the end.</summary>
    public IEnumerable<string> MemberIds => _members.Keys.Select(k => RollupMember.IdOf(k.Series.Series, k.Institution));

    public void Add(IEnumerable<Contribution> contributions, int sign)
    {
        foreach (var c in contributions)
        {
            var change = Change(c.Key);
            if (c.Official is not null)
            {
                change.Official.Add(c.Official, sign);
            }

            if (c.Verified is not null)
            {
                change.Verified.Add(c.Verified, sign);
            }

            if (c.Institutions is null || RollupKey.OfOneInstitution(c.Key.Scope))
            {
                continue;
            }

            var series = c.Key with { Year = AnyYear };
            foreach (var institution in c.Institutions.Distinct())
            {
                if (!_members.TryGetValue((series, institution), out var years))
                {
                    years = [];
                    _members[(series, institution)] = years;
                }

                var (official, verified) = years.GetValueOrDefault(c.Key.Year);
                years[c.Key.Year] = (official + (c.Official is null ? 0 : sign), verified + (c.Verified is null ? 0 : sign));
            }
        }
    }

    /// <summary>
    /// Applies the changes to the members given (creating missing ones) and adds what that changes to the institution
    /// counts of their rollups: distinct institutions per year, the year each is first counted within
    /// <paramref name="periodOf"/> (the series' period, null when its plan no longer has it), and the register's schools
    /// each year covers. Returns the members to store and the ids to delete; call it before
    /// <see cref="ApplyTo(IReadOnlyDictionary{string, Rollup})"/>.
    /// </summary>
    public (IReadOnlyList<RollupMember> Store, IReadOnlyList<string> Delete) ApplyTo(
        IReadOnlyDictionary<string, RollupMember> existing, Func<RollupKey, PlanPeriod?> periodOf)
    {
        var store = new List<RollupMember>();
        var delete = new List<string>();
        foreach (var ((series, institution), years) in _members)
        {
            var id = RollupMember.IdOf(series.Series, institution);
            var member = existing.GetValueOrDefault(id)
                ?? new RollupMember { Id = id, Plan = series.Plan, Series = series.Series, InstitutionId = institution };
            var before = (Official: member.CountedYears(official: true), Verified: member.CountedYears(official: false));
            foreach (var (year, (official, verified)) in years.OrderBy(y => y.Key))
            {
                member.Add(year, official, verified);
            }

            var period = periodOf(series);
            member.FirstOfficial = Count(series, before.Official, member.CountedYears(official: true), member.FirstOfficial, period, official: true);
            member.FirstVerified = Count(series, before.Verified, member.CountedYears(official: false), member.FirstVerified, period, official: false);
            if (member.Years.Count == 0)
            {
                delete.Add(id);
            }
            else
            {
                store.Add(member);
            }
        }

        return (store, delete);
    }

    /// <summary>Applies the changes to the rollups given (creating missing ones); returns the rollups to store and the ids to delete.</summary>
    public (IReadOnlyList<Rollup> Store, IReadOnlyList<string> Delete) ApplyTo(IReadOnlyDictionary<string, Rollup> existing)
    {
        var store = new List<Rollup>();
        var delete = new List<string>();
        foreach (var (key, change) in _changes)
        {
            if (change.Official.IsEmpty && change.Verified.IsEmpty)
            {
                continue;
            }

            var id = key.Id;
            var rollup = existing.GetValueOrDefault(id) ?? Rollup.For(key);
            rollup.Official.Add(change.Official);
            rollup.Verified.Add(change.Verified);
            if (RollupKey.OfOneInstitution(rollup.Scope))
            {
                // Its one institution is counted while any of its activities is.
                rollup.Official.DistinctInstitutions = rollup.Official.Activities > 0 ? 1 : 0;
                rollup.Verified.DistinctInstitutions = rollup.Verified.Activities > 0 ? 1 : 0;
            }

            if (rollup.IsEmpty)
            {
                // An empty rollup is deleted, so the live documents equal those of a rebuild whatever the batching.
                delete.Add(id);
            }
            else
            {
                store.Add(rollup);
            }
        }

        return (store, delete);
    }

    /// <summary>
    /// Moves one member's institution counts in the official or verified figures of its series' rollups from the years
    /// it was counted in to the years it is counted in now; returns the first year of the period it is counted in now.
    /// </summary>
    private int? Count(RollupKey series, IReadOnlySet<int> before, IReadOnlySet<int> after, int? firstBefore, PlanPeriod? period, bool official)
    {
        foreach (var year in before.Union(after))
        {
            if (before.Contains(year) != after.Contains(year))
            {
                FiguresOf(series, year, official).DistinctInstitutions += after.Contains(year) ? 1 : -1;
            }

            // A school of the register (year 0) counted in a year covers it.
            var covered = (Before: before.Contains(RollupKey.RegisterYear) && before.Contains(year), After: after.Contains(RollupKey.RegisterYear) && after.Contains(year));
            if (year != RollupKey.RegisterYear && covered.Before != covered.After)
            {
                FiguresOf(series, year, official).Covered += covered.After ? 1 : -1;
            }
        }

        int? firstAfter = period is null ? null : after.Where(y => y >= period.From && y <= period.To).Order().Cast<int?>().FirstOrDefault();
        if (firstBefore != firstAfter)
        {
            if (firstBefore is { } was)
            {
                FiguresOf(series, was, official).NewInstitutions -= 1;
            }

            if (firstAfter is { } now)
            {
                FiguresOf(series, now, official).NewInstitutions += 1;
            }
        }

        return firstAfter;
    }

    private Figures FiguresOf(RollupKey series, int year, bool official)
    {
        var change = Change(series with { Year = year });
        return official ? change.Official : change.Verified;
    }

    private (Figures Official, Figures Verified) Change(RollupKey key)
    {
        if (!_changes.TryGetValue(key, out var change))
        {
            change = (new Figures(), new Figures());
            _changes[key] = change;
        }

        return change;
    }
}
