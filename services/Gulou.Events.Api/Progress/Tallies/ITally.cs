using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using JasperFx.Events;

namespace Gulou.Events.Api.Progress.Tallies;

/// <summary>
/// The progress projection's own copy of one record's state, evolved event by event in log order. It is kept
/// apart from the write side's snapshots because a rebuild or an as-of review must see each record as it was
/// at the event being applied, not as it is now.
/// </summary>
public interface ITally
{
    Guid Id { get; set; }

    void Apply(IEvent e);

    IEnumerable<Contribution> Contributions(CurrentPlan plan);
}

public interface ITally<TSelf> : ITally where TSelf : class, ITally<TSelf>, new()
{
    /// <summary>Whether events of this type belong to the records this tally follows.</summary>
    static abstract bool Follows(object eventData);
}
