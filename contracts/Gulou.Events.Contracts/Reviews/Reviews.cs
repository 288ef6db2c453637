using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Contracts.Reviews;

/// <summary>
/// A year was closed: the figures as known at <see cref="AsOf"/> are the reviewed figures of that year, and the year is
/// locked. <see cref="MissingUnits"/> names the responsible units whose part was not accepted when it was closed
/// anyway, with <see cref="OverrideReason"/>; closings recorded before units signed off carry neither.
/// </summary>
public sealed record YearClosed(int Year, DateTimeOffset AsOf, ReviewFigures Figures, IReadOnlyList<string>? MissingUnits = null, string? OverrideReason = null) : IYearReviewEvent;

/// <summary>
/// Body of <c>POST /api/v1/reviews/{year}/close</c>: the cut-off the reviewed figures are read at. When a responsible
/// unit's part is not accepted, <see cref="MissingUnits"/> must name exactly those units and <see cref="OverrideReason"/>
/// say why the year is closed without them.
/// </summary>
public sealed record CloseYear(DateTimeOffset? AsOf, IReadOnlyList<string>? MissingUnits = null, string? OverrideReason = null);

/// <summary>Every target and every measure, as in the progress views.</summary>
public sealed record ReviewFigures(IReadOnlyList<TargetProgressDto> Targets, IReadOnlyList<MeasureProgressDto> Measures);

/// <summary>
/// A year (or, with <see cref="Year"/> null, the whole plan period) as known at <see cref="AsOf"/>, beside the
/// same figures as known now, and each record whose contribution changed in between. Each side is counted by the
/// plan's catalog in force then; a newer version is listed among the differences as a <c>catalog</c> record.
/// </summary>
/// <param name="Plan">The id of the plan reviewed.</param>
public sealed record ReviewDto(
    int? Year,
    DateTimeOffset? AsOf,
    DateTimeOffset Now,
    ReviewFigures AsKnown,
    ReviewFigures Current,
    IReadOnlyList<ReviewDifference> Differences,
    ClosedYearDto? Closed,
    IReadOnlyList<ReviewDifference> LateChanges,
    string? Plan = null);

/// <summary>What kind of record changed: <c>activity</c>, <c>designation</c>, <c>volunteer</c>, <c>indicator</c> or <c>school</c>
/// (a school of a coverage target's register), or <c>catalog</c>: the plan's catalog was published again after the cut-off
/// (its <c>Changes</c>: <c>target_value:CODE</c>, <c>counting:CODE</c>, <c>target_added:CODE</c>, <c>target_removed:CODE</c>,
/// <c>measures</c>, <c>activity_kinds</c>, <c>units</c>, <c>other</c>).</summary>
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

/// <summary>A closed year with its reviewed figures.</summary>
/// <param name="MissingUnits">The units it was closed without (an override), else empty.</param>
public sealed record ClosedYearDto(
    int Year,
    DateTimeOffset AsOf,
    DateTimeOffset ClosedAt,
    Guid? ClosedBy,
    ReviewFigures Figures,
    IReadOnlyList<string>? MissingUnits = null,
    string? OverrideReason = null);
