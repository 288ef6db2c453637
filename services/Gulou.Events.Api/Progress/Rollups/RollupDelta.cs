namespace Gulou.Events.Api.Progress.Rollups;

/// <summary>The change to rollups when records move from one state to another: what they add now minus what they added before.</summary>
public sealed class RollupDelta
{
    private readonly Dictionary<string, (RollupKey Key, Figures Official, Figures Verified)> _changes = [];

    public IEnumerable<string> RollupIds => _changes.Keys;

    public void Add(IEnumerable<Contribution> contributions, int sign)
    {
        foreach (var c in contributions)
        {
            if (!_changes.TryGetValue(c.Key.Id, out var change))
            {
                change = (c.Key, new Figures(), new Figures());
                _changes[c.Key.Id] = change;
            }

            if (c.Official is not null)
            {
                change.Official.Add(c.Official, sign);
            }

            if (c.Verified is not null)
            {
                change.Verified.Add(c.Verified, sign);
            }
        }
    }

    /// <summary>Applies the changes to the rollups given (creating missing ones); returns the rollups to store and the ids to delete.</summary>
    public (IReadOnlyList<Rollup> Store, IReadOnlyList<string> Delete) ApplyTo(IReadOnlyDictionary<string, Rollup> existing)
    {
        var store = new List<Rollup>();
        var delete = new List<string>();
        foreach (var (id, change) in _changes)
        {
            if (change.Official.IsEmpty && change.Verified.IsEmpty)
            {
                continue;
            }

            var rollup = existing.GetValueOrDefault(id) ?? Rollup.For(change.Key);
            rollup.Official.Add(change.Official);
            rollup.Verified.Add(change.Verified);
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
}
