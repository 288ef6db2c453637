using System.Runtime.CompilerServices;
using Gulou.Events.Api.Activities.Reporting;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Activities;
using Marten;

namespace Gulou.Events.Api.Activities;

/// <summary>
/// An activity belongs to the plan whose period holds its <c>occurredOn</c>. A report dated in the shipped plan's period
/// is checked by the request validator alone; a later one is checked again against its own plan's catalog, and refused
/// with 422 <c>no_plan_for_date</c> while the district has no plan for it.
/// </summary>
public static class ActivityPlans
{
    private static readonly ConditionalWeakTable<CurrentPlan, ReportActivityValidator> Validators = [];

    /// <summary>Whether a report of this date is checked against this plan's codes: its period or before it (refused by date).</summary>
    public static bool IsOf(CurrentPlan plan, DateOnly? occurredOn) => occurredOn is not { } day || day <= plan.Period.End;

    /// <summary>The plan of one report, which passed the request validator.</summary>
    /// <exception cref="ProblemException">422 without a plan for the date, 400 when a code is not one of its plan.</exception>
    public static async Task<CurrentPlan> OfAsync(ReportActivity report, DistrictPlanBook plans, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        var plan = await plans.ForActivityAsync(session, report.OccurredOn!.Value, "occurredOn", cancellation);
        return Errors(report, plan, plans, clock) is { } errors ? throw ProblemException.Invalid(errors) : plan;
    }

    /// <summary>What is wrong with a report under a plan other than the shipped one; null when nothing is.</summary>
    public static IReadOnlyDictionary<string, string[]>? Errors(ReportActivity report, CurrentPlan plan, DistrictPlanBook plans, TimeProvider clock)
    {
        if (plan == plans.Shipped)
        {
            return null;
        }

        var validator = Validators.GetValue(plan, p => new ReportActivityValidator(p, clock));
        var errors = RequestValidation.ErrorsOf(validator.Validate(report));
        return errors.Count == 0 ? null : errors;
    }
}
