using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>What an activity adds to the progress figures. Official figures count what is neither rejected nor retracted; verified ones only what a unit verified.</summary>
public static class ActivityCounting
{
    public static IEnumerable<Contribution> Contributions(ActivityRecord? activity, CurrentPlan plan)
    {
        if (activity is null || !activity.CountsOfficially)
        {
            yield break;
        }

        var verified = activity.Status == ActivityStatus.Verified;
        var year = activity.Year;
        yield return Of(RollupKey.Total(year), activity, verified);
        yield return Of(RollupKey.ForInstitution(activity.InstitutionId, year), activity, verified);
        foreach (var measure in activity.MeasureCodes)
        {
            yield return Of(RollupKey.ForMeasure(measure, year), activity, verified);
            yield return Of(RollupKey.ForInstitution(activity.InstitutionId, measure, year), activity, verified);
        }

        foreach (var unit in activity.MeasureCodes.SelectMany(plan.LeadUnits).Distinct())
        {
            yield return Of(RollupKey.ForUnit(unit, year), activity, verified);
        }

        foreach (var target in plan.ActivityTargets.Where(t => CountsToward(t, activity.Kind, activity.Attendance)))
        {
            yield return Of(RollupKey.ForTarget(target.Code, year), activity, verified);
        }
    }

    /// <summary>
    /// An activity counts toward a target when it is of one of the target's kinds; for a target of distinct
    /// institutions, it must also have reached the target's audience ("lab open days for youth").
    /// </summary>
    public static bool CountsToward(PlanTarget target, string kind, AudienceCounts attendance) =>
        target.Counting.ActivityKinds?.Contains(kind) == true
        && (target.Kind != TargetKind.CumulativeDistinctInstitutions || target.Counting.Audience is null || Audience(attendance, target.Counting.Audience) > 0);

    public static int Audience(AudienceCounts attendance, string group) => group switch
    {
        AudienceGroups.Youth => attendance.Youth,
        AudienceGroups.Workers => attendance.Workers,
        AudienceGroups.Elderly => attendance.Elderly,
        AudienceGroups.Cadres => attendance.Cadres,
        AudienceGroups.Public => attendance.Public,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not an audience group."),
    };

    private static Contribution Of(RollupKey key, ActivityRecord activity, bool verified)
    {
        var figures = Figures.OfActivity(activity.InstitutionId, activity.Attendance, activity.VolunteerHours);
        return new Contribution(key, figures, verified ? figures : null);
    }
}
