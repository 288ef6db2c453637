using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Api.Reviews.SigningOff;

/// <summary>
/// The sign-off of a year, as decisions over the year's review (null before anything happened): a unit submits
/// (first, or again after a return), the coordinating unit accepts a submitted part or returns a submitted or
/// accepted one; nothing changes in a closed year until it is reopened.
/// </summary>
public static class SignoffDecisions
{
    public static UnitYearSubmitted Submit(YearReview? review, int year, string unitCode, Guid by, string? note)
    {
        EnsureOpen(review, year);
        return review?.StateOf(unitCode) switch
        {
            SignoffState.Submitted => throw ProblemException.InvalidState($"{unitCode} has submitted {year} already; it waits for the coordinating unit."),
            SignoffState.Accepted => throw ProblemException.InvalidState($"{unitCode}'s part of {year} is accepted; the coordinating unit returns it before it is submitted again."),
            _ => new UnitYearSubmitted(year, unitCode, by, note),
        };
    }

    public static UnitYearAccepted Accept(YearReview? review, int year, string unitCode, Guid by, string? note)
    {
        EnsureOpen(review, year);
        return review?.StateOf(unitCode) == SignoffState.Submitted
            ? new UnitYearAccepted(year, unitCode, by, note)
            : throw ProblemException.InvalidState($"{unitCode}'s part of {year} is {Describe(review, unitCode)}; only a submitted part is accepted.");
    }

    public static UnitYearReturned Return(YearReview? review, int year, string unitCode, Guid by, string reason)
    {
        EnsureOpen(review, year);
        return review?.StateOf(unitCode) is SignoffState.Submitted or SignoffState.Accepted
            ? new UnitYearReturned(year, unitCode, by, reason)
            : throw ProblemException.InvalidState($"{unitCode}'s part of {year} is {Describe(review, unitCode)}; only a submitted or accepted part is returned.");
    }

    public static YearReopened Reopen(YearReview? review, int year, string reason, Guid by) =>
        review is { IsClosed: true }
            ? new YearReopened(year, reason, by)
            : throw ProblemException.InvalidState($"{year} is not closed.");

    public static YearExceptionGranted Grant(YearReview? review, int year, Guid exceptionId, Guid institutionId, string reason, DateTimeOffset expiresAt, Guid by) =>
        review is { IsClosed: true }
            ? new YearExceptionGranted(year, exceptionId, institutionId, reason, expiresAt, by)
            : throw ProblemException.InvalidState($"{year} is not closed: its figures can be changed without an exception.");

    /// <summary>
    /// The units a closing goes without. Every unit accepted: none, and no override may be given. Otherwise the
    /// request must name exactly the units not accepted, with a reason.
    /// </summary>
    public static IReadOnlyList<string> Override(YearReview? review, int year, IReadOnlyList<string> units, IReadOnlyList<string>? named, string? reason)
    {
        if (review is { IsClosed: true })
        {
            throw ProblemException.InvalidState($"{year} was closed at {review.ClosedAt:O} with figures as of {review.AsOf:O}.");
        }

        var missing = units.Where(u => review?.StateOf(u) != SignoffState.Accepted).ToList();
        if (missing.Count == 0)
        {
            return named is { Count: > 0 }
                ? throw ProblemException.Invalid("missingUnits", "Every unit's part is accepted: the year closes without an override.")
                : [];
        }

        if (named is null or { Count: 0 })
        {
            throw new ProblemException(StatusCodes.Status409Conflict, Contracts.ErrorCodes.InvalidState, "Conflict",
                $"The part of {string.Join(", ", missing)} is not accepted. Close when every part is accepted, or name these units in missingUnits with an overrideReason.",
                extensions: new Dictionary<string, object?> { ["missingUnits"] = missing });
        }

        if (!named.Select(u => u.Trim()).ToHashSet(StringComparer.Ordinal).SetEquals(missing))
        {
            throw ProblemException.Invalid("missingUnits", $"Name exactly the units whose part is not accepted: {string.Join(", ", missing)}.");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? throw ProblemException.Invalid("overrideReason", "Say why the year is closed without these units.")
            : missing;
    }

    private static void EnsureOpen(YearReview? review, int year)
    {
        if (review is { IsClosed: true })
        {
            throw ProblemException.InvalidState($"{year} is closed; it is reopened (with a reason) before its sign-off changes.");
        }
    }

    private static string Describe(YearReview? review, string unitCode) => Codes.Of(review?.StateOf(unitCode) ?? SignoffState.NotSubmitted);
}
