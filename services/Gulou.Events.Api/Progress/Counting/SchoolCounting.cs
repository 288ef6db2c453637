using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// A registered school of the stages a coverage target names enters that target's register: the whole of which each
/// year's covered share is taken. Every school registered counts in every year, as the district's schools now.
/// </summary>
public static class SchoolCounting
{
    public static IEnumerable<Contribution> Contributions(Institution? school, CurrentPlan plan)
    {
        if (school is null)
        {
            yield break;
        }

        foreach (var target in plan.TargetsOfKind(TargetKind.AnnualCoverage).Where(t => Counts(t, school)))
        {
            var figures = new Figures();
            yield return new Contribution(RollupKey.ForRegister(target.Code), figures, figures, [school.Id]);
        }
    }

    /// <summary>A school counts when it teaches any of the target's stages.</summary>
    public static bool Counts(PlanTarget target, Institution institution) =>
        institution.Kind == InstitutionKind.School && institution.SchoolStages.Any(s => target.Counting.SchoolStages?.Contains(Codes.Of(s)) == true);
}
