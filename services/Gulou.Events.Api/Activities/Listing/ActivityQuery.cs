using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Activities.Listing;

/// <summary>
/// The filters of <c>GET /api/v1/activities</c>. <c>target</c>, <c>measure</c>, <c>unit</c> and <c>institution</c>
/// with <c>year</c> (or <c>toYear</c>, from the start of the plan) and <c>counted</c> select exactly the activities
/// behind a progress figure. <c>status</c> is a status code (<c>needs_review</c>); <c>involving</c> an institution
/// that reported or hosted the activity. <c>plan</c> names the plan whose rules the drill-down filters apply; without it,
/// the plan of <c>year</c> (or <c>toYear</c>), else the plan in force today when it has the codes named, else the plan
/// that has them.
/// </summary>
public sealed record ActivityQuery(
    [FromQuery(Name = "institution")] Guid? Institution,
    [FromQuery(Name = "measure")] string? Measure,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "toYear")] int? ToYear,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "target")] string? Target,
    [FromQuery(Name = "unit")] string? Unit,
    [FromQuery(Name = "counted")] CountedAs? Counted,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "involving")] Guid? Involving = null,
    [FromQuery(Name = "plan")] string? Plan = null)
{
    /// <summary>Whether a plan has every code the query names.</summary>
    public bool CodesOf(CurrentPlan plan) =>
        (Measure is not { Length: > 0 } m || plan.HasMeasure(m)) && (Unit is null || plan.HasUnit(Unit)) && (Target is null || plan.Target(Target) is not null);

    /// <summary>The codes checked against the plan the query reads: 400 naming each that is not of it.</summary>
    public void Check(CurrentPlan plan)
    {
        var errors = new Dictionary<string, string[]>();
        if (Measure is { Length: > 0 } measure && !plan.HasMeasure(measure))
        {
            errors["measure"] = [$"'{measure}' is not a measure of the plan {plan.Catalog.Id}."];
        }

        if (Unit is { } unit && !plan.HasUnit(unit))
        {
            errors["unit"] = [$"'{unit}' is not a responsible unit of the plan {plan.Catalog.Id}."];
        }

        if (Target is { } target && plan.Target(target) is not ({ Kind: TargetKind.AnnualSum or TargetKind.CumulativeDistinctInstitutions } or { Counting.ActivityKinds.Count: > 0 }))
        {
            errors["target"] = [$"'{target}' is not a target of the plan {plan.Catalog.Id} that counts activities."];
        }

        if (errors.Count > 0)
        {
            throw ProblemException.Invalid(errors);
        }
    }
}

public sealed class ActivityQueryValidator : AbstractValidator<ActivityQuery>
{
    public ActivityQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.ToYear).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Status).Null().When(q => q.Counted is not null).WithMessage("Use either status or counted.");
        RuleFor(q => q.Status).Must(Codes.IsQueryCode<ActivityStatus>).WithMessage((_, s) => Codes.NotOneOf<ActivityStatus>(s));
    }
}
