using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// A designated subject counts toward a target of its kind from the year of its award at the target's level
/// until the year that award is revoked. The same subject designated twice is one subject.
/// </summary>
public static class DesignationCounting
{
    public static IEnumerable<Contribution> Contributions(DesignationRecord? designation, CurrentPlan plan)
    {
        if (designation is null)
        {
            yield break;
        }

        foreach (var target in plan.DesignationTargets(designation.Kind))
        {
            if (CountedAward(designation, target, plan.Period) is not { } award)
            {
                continue;
            }

            var added = new Figures { Added = 1 };
            yield return new Contribution(RollupKey.ForTarget(target.Code, award.AwardedOn.Year), added, added);
            if (award.RevokedOn is { } revoked)
            {
                var removed = new Figures { Removed = 1 };
                yield return new Contribution(RollupKey.ForTarget(target.Code, revoked.Year), removed, removed);
            }
        }
    }

    /// <summary>The award a target counts: the one at the target's level (or the earliest, for any level), if the period admits it.</summary>
    public static AwardDto? CountedAward(DesignationRecord designation, PlanTarget target, PlanPeriod period)
    {
        var award = target.Counting.DesignationLevel is { } level
            ? designation.Awards.FirstOrDefault(a => Codes.Of(a.Level) == level)
            : designation.Awards.OrderBy(a => a.AwardedOn).FirstOrDefault() is { } first
                ? first with { RevokedOn = designation.HasActiveAward ? null : designation.Awards.Max(a => a.RevokedOn) }
                : null;
        return award is not null && (target.Counting.IncludeBeforePeriod || award.AwardedOn >= period.Start) ? award : null;
    }

    /// <summary>The award standing at the end of <paramref name="year"/>, or null when the subject does not count then.</summary>
    public static AwardDto? StandingAt(DesignationRecord designation, PlanTarget target, PlanPeriod period, int year) =>
        CountedAward(designation, target, period) is { } award && award.AwardedOn.Year <= year && (award.RevokedOn is null || award.RevokedOn.Value.Year > year)
            ? award
            : null;
}
