using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Activities.Listing;

/// <summary>
/// The filters of <c>GET /api/v1/activities</c>. <c>target</c>, <c>measure</c>, <c>unit</c> and <c>institution</c>
/// with <c>year</c> (or <c>toYear</c>, from the start of the plan) and <c>counted</c> select exactly the activities
/// behind a progress figure. <c>status</c> is a status code (<c>needs_review</c>); <c>involving</c> an institution
/// that reported or hosted the activity.
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
    [FromQuery(Name = "involving")] Guid? Involving = null);

public sealed class ActivityQueryValidator : AbstractValidator<ActivityQuery>
{
    public ActivityQueryValidator(CurrentPlan plan)
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.ToYear).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Measure).Must(m => m is null || plan.HasMeasure(m)).WithMessage((_, m) => $"'{m}' is not a measure of the plan.");
        RuleFor(q => q.Unit).Must(u => u is null || plan.HasUnit(u)).WithMessage((_, u) => $"'{u}' is not a responsible unit of the plan.");
        RuleFor(q => q.Target)
            .Must(t => t is null || plan.Target(t) is { Kind: TargetKind.AnnualSum or TargetKind.CumulativeDistinctInstitutions } or { Counting.ActivityKinds.Count: > 0 })
            .WithMessage((_, t) => $"'{t}' is not a target that counts activities.");
        RuleFor(q => q.Status).Null().When(q => q.Counted is not null).WithMessage("Use either status or counted.");
        RuleFor(q => q.Status).Must(Codes.IsQueryCode<ActivityStatus>).WithMessage((_, s) => Codes.NotOneOf<ActivityStatus>(s));
    }
}
