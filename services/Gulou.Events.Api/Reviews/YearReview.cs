using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events;

namespace Gulou.Events.Api.Reviews;

/// <summary>A closed year and its reviewed figures. Inline snapshot of the year's review stream.</summary>
public sealed class YearReview
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public DateTimeOffset ClosedAt { get; set; }

    public Guid? ClosedBy { get; set; }

    public ReviewFigures Figures { get; set; } = new([], []);

    public long Version { get; set; }

    public static Guid IdFor(string tenantId, int year) => DeterministicGuid.Create("review", tenantId, year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static YearReview Create(IEvent<YearClosed> e) => new()
    {
        Year = e.Data.Year,
        AsOf = e.Data.AsOf,
        ClosedAt = e.Timestamp,
        ClosedBy = Guid.TryParse(e.GetHeader(EventMetadataMiddleware.InstitutionHeader)?.ToString(), out var by) ? by : null,
        Figures = e.Data.Figures,
    };

    public ClosedYearDto ToDto() => new(Year, AsOf, ClosedAt, ClosedBy, Figures);
}
