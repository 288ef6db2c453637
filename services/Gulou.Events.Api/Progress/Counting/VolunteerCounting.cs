using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>A volunteer counts from the year an institution first registered them until the year the last one let them go.</summary>
public static class VolunteerCounting
{
    public static IEnumerable<Contribution> Contributions(VolunteerRecord? volunteer, CurrentPlan plan)
    {
        if (volunteer is null || volunteer.Registrations.Count == 0)
        {
            yield break;
        }

        var (joined, left) = volunteer.Span();
        foreach (var target in plan.TargetsOfKind(TargetKind.CumulativeDistinctPersons))
        {
            if (!target.Counting.IncludeBeforePeriod && joined < plan.Period.Start)
            {
                continue;
            }

            var added = new Figures { Added = 1 };
            yield return new Contribution(RollupKey.ForTarget(target.Code, joined.Year), added, added);
            if (left is { } day)
            {
                var removed = new Figures { Removed = 1 };
                yield return new Contribution(RollupKey.ForTarget(target.Code, day.Year), removed, removed);
            }
        }
    }
}
