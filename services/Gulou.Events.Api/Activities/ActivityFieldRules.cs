using FluentValidation;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Activities;

/// <summary>The limits on an activity's fields, shared by reports, batches and corrections.</summary>
public static class ActivityFieldRules
{
    public const int MaxExternalRef = 100;
    public const int MaxTitle = 200;
    public const int MaxVenue = 200;
    public const int MaxCommunity = 100;
    public const int MaxMeasures = 10;
    public const int MaxPersonTimes = 10_000_000;
    public const decimal MaxVolunteerHours = 1_000_000m;
    public const int MaxActivityDays = 366;

    public static IRuleBuilderOptions<T, string?> IsKindOf<T>(this IRuleBuilder<T, string?> rule, CurrentPlan plan) =>
        rule.Must(k => k is not null && plan.HasKind(k.Trim()))
            .WithMessage((_, k) => $"'{k}' is not an activity kind of the plan; see GET /api/v1/plan.");

    public static void MeasureCodesOf<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<string>?>> codes, CurrentPlan plan)
    {
        validator.RuleFor(codes).Must(c => c is null || c.Count is > 0 and <= MaxMeasures)
            .WithMessage($"List 1 to {MaxMeasures} measure codes, or leave the field out to use the kind's measures.");
        var each = System.Linq.Expressions.Expression.Lambda<Func<T, IEnumerable<string>>>(codes.Body, codes.Parameters);
        validator.RuleForEach(each).Must(c => c is not null && plan.HasMeasure(c.Trim()))
            .WithMessage((_, c) => $"'{c}' is not a measure of the plan; see GET /api/v1/plan.");
    }

    public static IRuleBuilderOptions<T, DateOnly?> WithinPlanAndPast<T>(this IRuleBuilder<T, DateOnly?> rule, CurrentPlan plan, TimeProvider clock) =>
        rule.Must(d => d is null || plan.Period.Contains(d.Value))
            .WithMessage($"The activity must have happened within the plan period {plan.Period.From}–{plan.Period.To}.")
            .Must(d => d is null || d.Value <= clock.Today())
            .WithMessage("An activity is reported once it has happened; this date is in the future.");

    /// <summary>A report's date: from the start of the plan on (a later plan's period is checked when its plan is looked up) and not in the future.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> FromPlanStartAndPast<T>(this IRuleBuilder<T, DateOnly?> rule, CurrentPlan plan, TimeProvider clock) =>
        rule.Must(d => d is null || d.Value >= plan.Period.Start)
            .WithMessage($"The activity must have happened within a plan period; the first begins on {plan.Period.Start:yyyy-MM-dd}.")
            .Must(d => d is null || d.Value <= clock.Today())
            .WithMessage("An activity is reported once it has happened; this date is in the future.");

    public static IRuleBuilderOptions<T, decimal?> VolunteerHours<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.InclusiveBetween(0m, MaxVolunteerHours).PrecisionScale(9, 2, ignoreTrailingZeros: true);

    public static IRuleBuilderOptions<T, int?> PersonTimes<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(0, MaxPersonTimes);
}

public sealed class AudienceCountsValidator : AbstractValidator<AudienceCounts>
{
    public AudienceCountsValidator()
    {
        RuleFor(a => a.Youth).InclusiveBetween(0, ActivityFieldRules.MaxPersonTimes);
        RuleFor(a => a.Workers).InclusiveBetween(0, ActivityFieldRules.MaxPersonTimes);
        RuleFor(a => a.Elderly).InclusiveBetween(0, ActivityFieldRules.MaxPersonTimes);
        RuleFor(a => a.Cadres).InclusiveBetween(0, ActivityFieldRules.MaxPersonTimes);
        RuleFor(a => a.Public).InclusiveBetween(0, ActivityFieldRules.MaxPersonTimes);
    }
}
