using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Api.Activities;

/// <summary>
/// The person-times ceiling of each activity kind (plan catalog), applied when a report or an amendment is written.
/// The 10,000,000 per audience group of <see cref="ActivityFieldRules.MaxPersonTimes"/> is only an input guard; this is
/// the rule that keeps an implausible figure out of the official ones until a unit has looked at it.
/// </summary>
public static class ActivityPlausibility
{
    /// <summary>
    /// The hold to record after a report or an amendment that leaves the activity with <paramref name="attendance"/>, or
    /// null. Only an activity that would count officially is held (<paramref name="before"/> is null for a new report):
    /// one already held, rejected or resubmitted waits for a unit's decision anyway.
    /// </summary>
    public static ActivityHeldForReview? Hold(CurrentPlan plan, Guid activityId, string kind, AudienceCounts attendance, ActivityStatus? before) =>
        before is null or ActivityStatus.Reported or ActivityStatus.Verified
        && plan.PersonTimesCeiling(kind) is { } ceiling
        && attendance.Total > ceiling
            ? new ActivityHeldForReview(activityId, kind, attendance.Total, ceiling)
            : null;
}
