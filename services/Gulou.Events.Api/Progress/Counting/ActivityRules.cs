using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Marten;

namespace Gulou.Events.Api.Progress.Counting;

/// <summary>
/// Every rule that decides which activities count in a figure, once: the progress fold (<see cref="ActivityCounting"/>)
/// runs them compiled; <c>GET /api/v1/activities</c> (the drill-down behind every activity figure), the verification
/// queue and the school coverage hand the same expressions to Marten. docs/counting.md states each in words.
/// </summary>
public sealed class ActivityRules
{
    private static readonly ConditionalWeakTable<CurrentPlan, ActivityRules> ForPlan = new();

    private readonly Dictionary<string, ActivityRule> _measures;
    private readonly Dictionary<string, ActivityRule> _units;
    private readonly Dictionary<string, ActivityRule> _decidedBy;
    private readonly Dictionary<string, ActivityRule> _targets;

    private ActivityRules(CurrentPlan plan)
    {
        _measures = plan.Catalog.Measures.ToDictionary(m => m.Code, m => OfMeasures([m.Code]), StringComparer.Ordinal);
        _units = plan.Catalog.Units.ToDictionary(u => u.Code, u => OfMeasures(plan.MeasuresOf(u.Code)), StringComparer.Ordinal);
        _decidedBy = plan.Catalog.Units.ToDictionary(u => u.Code, u => OfMeasures(plan.MeasuresDecidedBy(u.Code)), StringComparer.Ordinal);
        _targets = plan.Catalog.Targets.ToDictionary(t => t.Code, TowardTarget, StringComparer.Ordinal);
    }

    public static ActivityRules Of(CurrentPlan plan) => ForPlan.GetValue(plan, p => new ActivityRules(p));

    /// <summary>
    /// An activity counts in the figures of the plan whose period holds its year, and in no other plan's: an activity
    /// corrected into another plan's period moves to that plan's figures (docs/counting.md, "Plans").
    /// </summary>
    public static bool UnderPlan(ActivityRecord activity, CurrentPlan plan) => activity.Year >= plan.Period.From && activity.Year <= plan.Period.To;

    /// <summary>Official figures count reported and verified activities; rejected, retracted, resubmitted and held ones wait outside.</summary>

    public static ActivityRule Official { get; } = new(a => a.Status == ActivityStatus.Reported || a.Status == ActivityStatus.Verified);

    /// <summary>The verified figures count what a unit verified and nobody amended since.</summary>
    public static ActivityRule Verified { get; } = new(a => a.Status == ActivityStatus.Verified);

    public static ActivityRule Counted(CountedAs counted) => counted == CountedAs.Verified ? Verified : Official;

    /// <summary>What still stands as a report, decided or not: neither rejected nor retracted (the duplicate search).</summary>
    public static ActivityRule Standing { get; } = new(a => a.Status != ActivityStatus.Rejected && a.Status != ActivityStatus.Retracted);

    /// <summary>What awaits a unit's decision, by why it waits (the verification queue).</summary>
    public static ActivityRule Awaiting(AwaitingDecision? why) => why switch
    {
        AwaitingDecision.Pending => new(a => a.Status == ActivityStatus.Reported),
        AwaitingDecision.Resubmitted => new(a => a.Status == ActivityStatus.Resubmitted),
        AwaitingDecision.NeedsReview => new(a => a.Status == ActivityStatus.NeedsReview),
        _ => new(a => a.Status == ActivityStatus.Reported || a.Status == ActivityStatus.Resubmitted || a.Status == ActivityStatus.NeedsReview),
    };

    /// <summary>An activity counts under each measure it is filed under.</summary>
    public ActivityRule OfMeasure(string measure) => _measures[measure];

    /// <summary>A unit's figure counts, once, each activity filed under any measure the unit leads or takes part in.</summary>
    public ActivityRule OfUnit(string unit) => _units[unit];

    /// <summary>The activities a unit decides on: under a measure it leads, or under any measure for the coordinating unit.</summary>
    public ActivityRule DecidedBy(string unit) => _decidedBy[unit];

    /// <summary>
    /// The activities a unit decides on under any of the district's plans: those filed under a measure it leads in one
    /// of them (every measure of a plan whose coordinating unit it is). Measure codes are the plan's own, so a
    /// measure's code names the plan it belongs to.
    /// </summary>
    public static ActivityRule DecidedBy(IEnumerable<CurrentPlan> plans, string unit) =>
        OfMeasures(plans.Where(p => p.HasUnit(unit)).SelectMany(p => p.MeasuresDecidedBy(unit)).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>
    /// An activity counts toward a target when it is of one of the target's kinds; for a target of distinct institutions
    /// or of school coverage, it must also have reached the target's audience ("lab open days for youth").
    /// </summary>
    public ActivityRule Toward(PlanTarget target) => _targets[target.Code];

    /// <summary>The activities an institution reported or hosted.</summary>
    public static ActivityRule Involving(Guid institution) => new(a => a.InstitutionId == institution || a.HostInstitutionId == institution);

    /// <summary>
    /// The institutions an activity adds to a target's figure: where it took place (its host, the reporter when it names
    /// none) for distinct institutions; the reporter and the host for school coverage (a school's pupils visiting a lab,
    /// or a lab day held at a school); the reporter otherwise.
    /// </summary>
    public static IEnumerable<Guid> InstitutionsCounted(PlanTarget target, ActivityRecord activity) => target.Kind switch
    {
        TargetKind.CumulativeDistinctInstitutions => [activity.HostInstitutionId ?? activity.InstitutionId],
        TargetKind.AnnualCoverage when activity.HostInstitutionId is { } host => [activity.InstitutionId, host],
        _ => [activity.InstitutionId],
    };

    private static ActivityRule OfMeasures(IReadOnlyList<string> measures)
    {
        if (measures.Count == 1)
        {
            var measure = measures[0];
            return new ActivityRule(a => a.MeasureCodes.Contains(measure));
        }

        var codes = measures.ToArray();
        return new ActivityRule(a => a.MeasureCodes.Any(m => m.IsOneOf(codes)));
    }

    private static ActivityRule TowardTarget(PlanTarget target)
    {
        // A target of no activity kinds (a designation or survey target) matches no activity.
        var kinds = target.Counting.ActivityKinds?.ToArray() ?? [];
        var ofKind = new ActivityRule(a => a.Kind.IsOneOf(kinds));
        return target.Kind is TargetKind.CumulativeDistinctInstitutions or TargetKind.AnnualCoverage && target.Counting.Audience is { } audience
            ? ofKind.And(new ActivityRule(Reached(audience)))
            : ofKind;
    }

    private static Expression<Func<ActivityRecord, bool>> Reached(string audience) => audience switch
    {
        AudienceGroups.Youth => a => a.Attendance.Youth > 0,
        AudienceGroups.Workers => a => a.Attendance.Workers > 0,
        AudienceGroups.Elderly => a => a.Attendance.Elderly > 0,
        AudienceGroups.Cadres => a => a.Attendance.Cadres > 0,
        AudienceGroups.Public => a => a.Attendance.Public > 0,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Not an audience group."),
    };
}
