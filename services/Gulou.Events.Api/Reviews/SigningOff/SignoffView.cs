using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Api.Reviews.SigningOff;

public static class SignoffView
{
    /// <summary>Every responsible unit of the plan with its state (not submitted when it has done nothing yet).</summary>
    public static YearSignoffDto Of(YearReview? review, int year, CurrentPlan plan, DateTimeOffset now)
    {
        var units = plan.SignoffUnits().Select(u => review?.Units.GetValueOrDefault(u.Code) is { } s
                ? new UnitSignoffDto(u.Code, u.Name.Zh, u.Name.En, s.State, s.At, s.By, s.Reason)
                : new UnitSignoffDto(u.Code, u.Name.Zh, u.Name.En, SignoffState.NotSubmitted, null, null, null))
            .ToList();
        return new YearSignoffDto(
            year,
            review is { IsClosed: true } ? "closed" : "open",
            plan.CoordinatingUnit,
            review?.ClosedAt,
            review?.MissingUnits ?? [],
            review?.OverrideReason,
            units,
            (review?.Exceptions ?? []).Select(x => x with { Expired = x.ExpiresAt <= now }).ToList(),
            review?.History ?? []);
    }
}
