using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// How a designated subject counts toward a target of its kind; the same subject designated twice is one subject.
/// The award counted is the one at the target's level (the earliest, for a target of any level). Under the standing
/// reading it counts from the year of the award until the year it is revoked, whatever the reason, older awards
/// included; under the new-in-period reading only an award made within the plan period counts, from its year until
/// the year it is revoked for cause (a term that ends takes nothing away). A teacher counts only when designated in one
/// of the target's subjects. A rejected award does not count; the verified figures count only verified awards.
/// </summary>
public static class DesignationCounting
{
    public static IEnumerable<Contribution> Contributions(DesignationRecord? designation, CurrentPlan plan)
    {
        if (designation is null)
        {
            return [];
        }

        return plan.DesignationTargets(designation.Kind)
            .SelectMany(target => SpanOf(designation, target, plan.Period)?.Contributions(target.Code) ?? []);
    }

    /// <summary>When and how the subject counts toward the target, or null when it does not count at all.</summary>
    public static CountedSpan? SpanOf(DesignationRecord designation, PlanTarget target, PlanPeriod period)
    {
        if (CountedAward(designation, target) is not { } award || award.Verification?.Decision == VerificationDecision.Rejected)
        {
            return null;
        }

        if (target.Counting.TeachingSubjects is { } subjects && !subjects.Any(s => s.Code == designation.TeachingSubject))
        {
            return null;
        }

        var newInPeriod = target.Counting.Reading == TargetReading.NewInPeriod;
        if (newInPeriod && !period.Contains(award.AwardedOn))
        {
            return null;
        }

        var until = award.RevokedOn is { } revoked && (!newInPeriod || award.RevokedForCause != false) ? revoked : (DateOnly?)null;
        return new CountedSpan(award.AwardedOn, until, award.Verification?.Decision == VerificationDecision.Verified);
    }

    /// <summary>The award at the target's level; for any level, the earliest, revoked once every award is, as the last one was.</summary>
    private static AwardDto? CountedAward(DesignationRecord designation, PlanTarget target)
    {
        if (target.Counting.DesignationLevel is { } level)
        {
            return designation.Awards.FirstOrDefault(a => Codes.Of(a.Level) == level);
        }

        if (designation.Awards.MinBy(a => a.AwardedOn) is not { } first)
        {
            return null;
        }

        var last = designation.HasActiveAward ? null : designation.Awards.MaxBy(a => a.RevokedOn);
        return first with { RevokedOn = last?.RevokedOn, RevocationReason = last?.RevocationReason, RevokedForCause = last?.RevokedForCause };
    }
}
