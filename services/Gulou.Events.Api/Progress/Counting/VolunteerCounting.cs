using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// A volunteer counts toward a persons target from the year an institution first registered them. Under the standing
/// reading they count until the year the last institution let them go; under the new-in-period reading only a person
/// first registered within the plan period counts, and leaving takes nothing away. A rejected volunteer does not
/// count; the verified figures count only verified ones.
/// </summary>
public static class VolunteerCounting
{
    public static IEnumerable<Contribution> Contributions(VolunteerRecord? volunteer, CurrentPlan plan)
    {
        if (volunteer is null)
        {
            return [];
        }

        return plan.TargetsOfKind(TargetKind.CumulativeDistinctPersons)
            .SelectMany(target => SpanOf(volunteer, target, plan.Period)?.Contributions(target.Code) ?? []);
    }

    /// <summary>When and how the person counts toward the target, or null when they do not count at all.</summary>
    public static CountedSpan? SpanOf(VolunteerRecord volunteer, PlanTarget target, PlanPeriod period)
    {
        if (volunteer.Registrations.Count == 0 || volunteer.Verification?.Decision == VerificationDecision.Rejected)
        {
            return null;
        }

        var (joined, left) = volunteer.Span();
        var newInPeriod = target.Counting.Reading == TargetReading.NewInPeriod;
        if (newInPeriod && !period.Contains(joined))
        {
            return null;
        }

        return new CountedSpan(joined, newInPeriod ? null : left, volunteer.Verification?.Decision == VerificationDecision.Verified);
    }
}
