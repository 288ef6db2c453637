using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events;

namespace Gulou.Events.Api.Reviews;

/// <summary>
/// A year's review: each responsible unit's sign-off, whether the year is closed (and so locked), the figures and
/// seal of its standing (or last) closing, the exceptions to its lock, and every step in order. Inline snapshot of
/// the year's review stream.
/// </summary>
public sealed class YearReview : IRecord<YearReview>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<YearClosed>("year_closed"),
        RecordEvent.Of<UnitYearSubmitted>("unit_year_submitted"),
        RecordEvent.Of<UnitYearAccepted>("unit_year_accepted"),
        RecordEvent.Of<UnitYearReturned>("unit_year_returned"),
        RecordEvent.Of<YearReopened>("year_reopened"),
        RecordEvent.Of<YearExceptionGranted>("year_exception_granted"),
        RecordEvent.Of<YearSealed>("year_sealed"),
    ];

    public Guid Id { get; set; }

    public int Year { get; set; }

    /// <summary>The cut-off of the last closing.</summary>
    public DateTimeOffset AsOf { get; set; }

    /// <summary>When the year was closed; null while it is open (never closed, or reopened).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public Guid? ClosedBy { get; set; }

    public ReviewFigures Figures { get; set; } = new([], []);

    public List<string> MissingUnits { get; set; } = [];

    public string? OverrideReason { get; set; }

    public Dictionary<string, UnitSignoff> Units { get; set; } = [];

    public List<YearExceptionDto> Exceptions { get; set; } = [];

    public YearSealDto? Seal { get; set; }

    public List<SignoffStep> History { get; set; } = [];

    public long Version { get; set; }

    public bool IsClosed => ClosedAt is not null;

    public static Guid IdFor(string tenantId, int year) => DeterministicGuid.Create("review", tenantId, year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static YearReview Create(IEvent<UnitYearSubmitted> e)
    {
        var review = new YearReview { Year = e.Data.Year };
        review.Apply(e);
        return review;
    }

    public static YearReview Create(IEvent<YearClosed> e)
    {
        var review = new YearReview { Year = e.Data.Year };
        review.Apply(e);
        return review;
    }

    public void Apply(IEvent<UnitYearSubmitted> e) => SignOff(e, e.Data.UnitCode, SignoffState.Submitted, "submitted", e.Data.InstitutionId, e.Data.Note);

    public void Apply(IEvent<UnitYearAccepted> e) => SignOff(e, e.Data.UnitCode, SignoffState.Accepted, "accepted", e.Data.InstitutionId, e.Data.Note);

    public void Apply(IEvent<UnitYearReturned> e) => SignOff(e, e.Data.UnitCode, SignoffState.Returned, "returned", e.Data.InstitutionId, e.Data.Reason);

    public void Apply(IEvent<YearClosed> e)
    {
        AsOf = e.Data.AsOf;
        ClosedAt = e.Timestamp;
        ClosedBy = Guid.TryParse(e.GetHeader(EventMetadataMiddleware.InstitutionHeader)?.ToString(), out var by) ? by : null;
        Figures = e.Data.Figures;
        MissingUnits = [.. e.Data.MissingUnits ?? []];
        OverrideReason = e.Data.OverrideReason;
        History.Add(new SignoffStep(e.Timestamp, "closed", null, ClosedBy, e.Data.OverrideReason, e.Data.MissingUnits is { Count: > 0 } missing ? missing : null));
    }

    public void Apply(IEvent<YearSealed> e)
    {
        var s = e.Data;
        Seal = new YearSealDto(s.Year, true, e.Timestamp, s.AsOf, s.FiguresSha256, s.PlanSha256, s.LastSequence, s.EventCount, s.ChainSha256, s.ServiceVersion, s.Figures);
    }

    public void Apply(IEvent<YearReopened> e)
    {
        ClosedAt = null;
        ClosedBy = null;
        MissingUnits = [];
        OverrideReason = null;
        Seal = Seal is null ? null : Seal with { Standing = false };
        History.Add(new SignoffStep(e.Timestamp, "reopened", null, e.Data.InstitutionId, e.Data.Reason));
    }

    public void Apply(IEvent<YearExceptionGranted> e)
    {
        var x = e.Data;
        Exceptions.Add(new YearExceptionDto(x.ExceptionId, x.InstitutionId, x.Reason, e.Timestamp, x.ExpiresAt, x.GrantedBy, false));
        History.Add(new SignoffStep(e.Timestamp, "exception_granted", null, x.GrantedBy, x.Reason, null, x.InstitutionId, x.ExpiresAt));
    }

    public SignoffState StateOf(string unitCode) => Units.GetValueOrDefault(unitCode)?.State ?? SignoffState.NotSubmitted;

    public ClosedYearDto ToDto() => new(Year, AsOf, ClosedAt ?? default, ClosedBy, Figures, MissingUnits, OverrideReason);

    private void SignOff(IEvent e, string unitCode, SignoffState state, string action, Guid by, string? reason)
    {
        Units[unitCode] = new UnitSignoff(state, e.Timestamp, by, reason);
        History.Add(new SignoffStep(e.Timestamp, action, unitCode, by, reason));
    }
}

/// <summary>Where one unit's part of the year stands, and who moved it there when.</summary>
public sealed record UnitSignoff(SignoffState State, DateTimeOffset At, Guid By, string? Reason);
