using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// What an activity adds to the progress figures, by the rules of <see cref="ActivityRules"/>: official figures count
/// reported and verified activities, verified figures only the verified ones.
/// </summary>
public static class ActivityCounting
{
    public static IEnumerable<Contribution> Contributions(ActivityRecord? activity, CurrentPlan plan)
    {
        if (activity is null || !ActivityRules.Official.Matches(activity) || !ActivityRules.UnderPlan(activity, plan))
        {
            yield break;
        }

        var rules = ActivityRules.Of(plan);
        var verified = ActivityRules.Verified.Matches(activity);
        var year = activity.Year;
        var figures = Figures.OfActivity(activity.Attendance, activity.VolunteerHours);
        Guid[] reporter = [activity.InstitutionId];
        yield return Of(RollupKey.Total(year), figures, verified, reporter);
        yield return Of(RollupKey.ForInstitution(activity.InstitutionId, year), figures, verified, reporter);
        foreach (var measure in plan.Catalog.Measures.Where(m => rules.OfMeasure(m.Code).Matches(activity)))
        {
            yield return Of(RollupKey.ForMeasure(measure.Code, year), figures, verified, reporter);
            yield return Of(RollupKey.ForInstitution(activity.InstitutionId, measure.Code, year), figures, verified, reporter);
        }

        foreach (var unit in plan.Catalog.Units.Where(u => rules.OfUnit(u.Code).Matches(activity)))
        {
            yield return Of(RollupKey.ForUnit(unit.Code, year), figures, verified, reporter);
        }

        foreach (var target in plan.ActivityTargets.Where(t => rules.Toward(t).Matches(activity)))
        {
            yield return Of(RollupKey.ForTarget(target.Code, year), figures, verified, ActivityRules.InstitutionsCounted(target, activity).Distinct().ToList());
        }
    }

    public static int Audience(AudienceCounts attendance, string group) => group switch
    {
        AudienceGroups.Youth => attendance.Youth,
        AudienceGroups.Workers => attendance.Workers,
        AudienceGroups.Elderly => attendance.Elderly,
        AudienceGroups.Cadres => attendance.Cadres,
        AudienceGroups.Public => attendance.Public,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not an audience group."),
    };

    private static Contribution Of(RollupKey key, Figures figures, bool verified, IReadOnlyList<Guid> institutions) =>
        new(key, figures, verified ? figures : null, institutions);
}
