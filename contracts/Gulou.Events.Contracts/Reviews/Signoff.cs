namespace Gulou.Events.Contracts.Reviews;

/// <summary>An event of a year's review stream (sign-off, closing, seal, exceptions): it belongs to one year.</summary>
public interface IYearReviewEvent
{
    int Year { get; }
}

/// <summary>A responsible unit submitted its part of a year for review.</summary>
/// <param name="InstitutionId">The unit's institution that submitted (the key's holder).</param>
public sealed record UnitYearSubmitted(int Year, string UnitCode, Guid InstitutionId, string? Note) : IYearReviewEvent;

/// <summary>The coordinating unit accepted a unit's submitted year.</summary>
/// <param name="InstitutionId">The coordinating unit's institution that accepted.</param>
public sealed record UnitYearAccepted(int Year, string UnitCode, Guid InstitutionId, string? Note) : IYearReviewEvent;

/// <summary>The coordinating unit returned a unit's year for rework, with its reason; the unit submits again.</summary>
public sealed record UnitYearReturned(int Year, string UnitCode, Guid InstitutionId, string Reason) : IYearReviewEvent;

/// <summary>A closed year was opened again, with the reason; writes to it are accepted again until it is closed anew.</summary>
public sealed record YearReopened(int Year, string Reason, Guid InstitutionId) : IYearReviewEvent;

/// <summary>
/// The coordinating unit let one institution change a closed year's figures until <see cref="ExpiresAt"/>. Changes
/// made under it are marked late.
/// </summary>
public sealed record YearExceptionGranted(int Year, Guid ExceptionId, Guid InstitutionId, string Reason, DateTimeOffset ExpiresAt, Guid GrantedBy) : IYearReviewEvent;

/// <summary>Body of <c>POST /api/v1/reviews/{year}/units/{unitCode}/submission</c> and <c>…/acceptance</c>.</summary>
public sealed record SignOffUnitYear(string? Note = null);

/// <summary>Body of <c>POST /api/v1/reviews/{year}/units/{unitCode}/return</c>.</summary>
public sealed record ReturnUnitYear(string Reason);

/// <summary>Body of <c>POST /api/v1/reviews/{year}/reopening</c>.</summary>
public sealed record ReopenYear(string Reason);

/// <summary>Body of <c>POST /api/v1/reviews/{year}/exceptions</c>.</summary>
public sealed record YearExceptionGrant(Guid? InstitutionId, string Reason, DateTimeOffset? ExpiresAt);

/// <summary>Where a unit's part of a year stands.</summary>
public enum SignoffState
{
    /// <summary>Nothing submitted yet.</summary>
    NotSubmitted,

    /// <summary>Submitted, waiting for the coordinating unit.</summary>
    Submitted,

    /// <summary>Returned by the coordinating unit with a reason; to be submitted again.</summary>
    Returned,

    /// <summary>Accepted by the coordinating unit.</summary>
    Accepted,
}

/// <summary>A unit's sign-off of a year: its state, and who changed it last and when.</summary>
/// <param name="By">The institution (the unit, or the coordinating unit) whose key made the last change.</param>
/// <param name="Reason">The reason of a return, or the note of a submission or acceptance.</param>
public sealed record UnitSignoffDto(string UnitCode, string NameZh, string NameEn, SignoffState State, DateTimeOffset? At, Guid? By, string? Reason);

/// <summary>One step of a year's review, in the order recorded.</summary>
/// <param name="Action">submitted, accepted, returned, closed, reopened, exception_granted.</param>
/// <param name="UnitCode">The unit the step is about, for sign-off steps.</param>
/// <param name="Reason">A return's or reopening's reason, an exception's reason, a closing's override reason, or a note.</param>
/// <param name="Units">For a closing with an override, the units it closed without.</param>
public sealed record SignoffStep(
    DateTimeOffset At,
    string Action,
    string? UnitCode,
    Guid? By,
    string? Reason,
    IReadOnlyList<string>? Units = null,
    Guid? InstitutionId = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>An exception to a closed year's lock, for one institution until it expires.</summary>
public sealed record YearExceptionDto(Guid Id, Guid InstitutionId, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, Guid GrantedBy, bool Expired);

/// <summary>
/// A year's sign-off: every responsible unit of the plan with its state, whether the year is closed (locked), the
/// override it was closed with, the exceptions granted, and every step in order.
/// </summary>
/// <param name="State">open or closed.</param>
/// <param name="MissingUnits">The units the standing closing was made without (an override), else empty.</param>
public sealed record YearSignoffDto(
    int Year,
    string State,
    string? CoordinatingUnit,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<string> MissingUnits,
    string? OverrideReason,
    IReadOnlyList<UnitSignoffDto> Units,
    IReadOnlyList<YearExceptionDto> Exceptions,
    IReadOnlyList<SignoffStep> History);
