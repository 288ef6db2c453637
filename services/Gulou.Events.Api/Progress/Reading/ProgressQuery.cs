using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>
/// The query string every progress view takes: a year, the plan (the one in force today when left out), and optionally
/// how long to wait for fresh figures.
/// </summary>
public sealed record ProgressQuery(
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "waitForSequence")] long? WaitForSequence,
    [FromQuery(Name = "waitForNonStale")] bool? WaitForNonStale,
    [FromQuery(Name = "waitSeconds")] int? WaitSeconds,
    [FromQuery(Name = "plan")] string? Plan = null);

public sealed class ProgressQueryValidator : AbstractValidator<ProgressQuery>
{
    public ProgressQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.WaitForSequence).GreaterThanOrEqualTo(0);
        RuleFor(q => q.WaitSeconds).InclusiveBetween(0, ProgressFreshness.MaxWaitSeconds);
    }
}
