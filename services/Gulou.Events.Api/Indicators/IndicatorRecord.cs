using Gulou.Events.Contracts.Indicators;
using JasperFx.Events;

namespace Gulou.Events.Api.Indicators;

/// <summary>Every observation of an indicator target. The latest recorded observation of a year stands for that year.</summary>
public sealed class IndicatorRecord
{
    public Guid Id { get; set; }

    public string TargetCode { get; set; } = "";

    public List<ObservationDto> Observations { get; set; } = [];

    public long Version { get; set; }

    public IReadOnlyList<ObservationDto> Standing() =>
        Observations.GroupBy(o => o.Year).Select(g => g.Last()).OrderBy(o => o.Year).ToList();

    public static IndicatorRecord Create(IEvent<IndicatorObserved> e)
    {
        var record = new IndicatorRecord { TargetCode = e.Data.TargetCode };
        record.Apply(e);
        return record;
    }

    public void Apply(IEvent<IndicatorObserved> e) =>
        Observations.Add(new ObservationDto(e.Data.Year, e.Data.Numerator, e.Data.Denominator, Percent(e.Data.Numerator, e.Data.Denominator),
            e.Data.Source, e.Data.ObservedOn, e.Data.UnitId, e.Timestamp));

    public static decimal Percent(decimal numerator, decimal denominator) =>
        denominator == 0 ? 0 : Math.Round(numerator * 100m / denominator, 4);

    public IndicatorDto ToDto() => new(TargetCode, Observations, Standing(), Version);
}
