using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Contracts.Reviews;

/// <summary>An administrator closed a year: the figures as known at <see cref="AsOf"/> are the reviewed figures of that year.</summary>
public sealed record YearClosed(int Year, DateTimeOffset AsOf, ReviewFigures Figures);

/// <summary>Body of <c>POST /api/v1/reviews/{year}/close</c>: the cut-off the reviewed figures were read at.</summary>
public sealed record CloseYear(DateTimeOffset? AsOf);

/// <summary>Every target and every measure, as in the progress views.</summary>
public sealed record ReviewFigures(IReadOnlyList<TargetProgressDto> Targets, IReadOnlyList<MeasureProgressDto> Measures);

/// <summary>
/// A year (or, with <see cref="Year"/> null, the whole plan period) as known at <see cref="AsOf"/>, beside the
/// same figures as known now, and each record whose contribution changed in between.
/// </summary>
public sealed record ReviewDto(
    int? Year,
    DateTimeOffset? AsOf,
    DateTimeOffset Now,
    ReviewFigures AsKnown,
    ReviewFigures Current,
    IReadOnlyList<ReviewDifference> Differences,
    ClosedYearDto? Closed,
    IReadOnlyList<ReviewDifference> LateChanges);

/// <summary>What kind of record changed: <c>activity</c>, <c>designation</c>, <c>volunteer</c>, <c>indicator</c> or <c>school</c>
/// (a school of a coverage target's register).</summary>
/// <param name="Changes">What happened after the cut-off: late_report, attendance, correction, retraction, verification,
/// rejection, held_for_review, designation, revocation, registration, deregistration, observation, late_observation,
/// withdrawal, school_registration.</param>
/// <param name="Label">What the record is called: an activity's title, a designated subject's name, an indicator's code.</param>
/// <param name="InstitutionId">The institution that reported the activity or registered the volunteer, when there is one.</param>
public sealed record ReviewDifference(
    string Record,
    Guid Id,
    string Label,
    Guid? InstitutionId,
    IReadOnlyList<string> Changes,
    DateTimeOffset FirstChangedAt,
    DateTimeOffset LastChangedAt,
    string History);

public sealed record ClosedYearDto(int Year, DateTimeOffset AsOf, DateTimeOffset ClosedAt, Guid? ClosedBy, ReviewFigures Figures);
