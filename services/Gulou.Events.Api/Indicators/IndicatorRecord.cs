using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Plan;
using JasperFx.Events;

namespace Gulou.Events.Api.Indicators;

/// <summary>
/// Every observation of an indicator or ranking target, withdrawn ones included, in the order recorded (which numbers
/// them 1, 2, 3 …). The latest recorded observation of a year that is neither withdrawn nor rejected stands for that
/// year; among verified ones, the latest stands for the verified figure.
/// </summary>
public sealed class IndicatorRecord : IRecord<IndicatorRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<IndicatorObserved>("indicator_observed"),
        RecordEvent.Of<RankObserved>("rank_observed"),
        RecordEvent.Of<ObservationVerified>("observation_verified"),
        RecordEvent.Of<ObservationRejected>("observation_rejected"),
        RecordEvent.Of<ObservationWithdrawn>("observation_withdrawn"),
    ];

    public Guid Id { get; set; }

    public string TargetCode { get; set; } = "";

    public List<ObservationDto> Observations { get; set; } = [];

    public long Version { get; set; }

    /// <summary>The observations with their numbers (kept out of the stored list, which only ever grows at its end).</summary>
    public IEnumerable<ObservationDto> Numbered() => Observations.Select((o, i) => o with { Number = i + 1 });

    public ObservationDto? Observation(int number) => number >= 1 && number <= Observations.Count ? Observations[number - 1] with { Number = number } : null;

    /// <summary>The observation standing for each year: official (not withdrawn, not rejected) or verified.</summary>
    public IReadOnlyList<ObservationDto> Standing(CountedAs counted = CountedAs.Official) =>
        Numbered()
            .Where(o => o.Withdrawal is null && (counted == CountedAs.Verified
                ? o.Verification?.Decision == VerificationDecision.Verified
                : o.Verification?.Decision != VerificationDecision.Rejected))
            .GroupBy(o => o.Year).Select(g => g.Last()).OrderBy(o => o.Year).ToList();

    public static IndicatorRecord Create(IEvent<IndicatorObserved> e)
    {
        var record = new IndicatorRecord { TargetCode = e.Data.TargetCode };
        record.Apply(e);
        return record;
    }

    public static IndicatorRecord Create(IEvent<RankObserved> e)
    {
        var record = new IndicatorRecord { TargetCode = e.Data.TargetCode };
        record.Apply(e);
        return record;
    }

    public void Apply(IEvent<IndicatorObserved> e) =>
        Observations.Add(new ObservationDto(e.Data.Year, e.Data.Numerator, e.Data.Denominator, Percent(e.Data.Numerator, e.Data.Denominator),
            e.Data.Source, e.Data.ObservedOn, e.Data.UnitId, e.Timestamp));

    public void Apply(IEvent<RankObserved> e) =>
        Observations.Add(new ObservationDto(e.Data.Year, 0, 0, 0, e.Data.Source, e.Data.ObservedOn, e.Data.UnitId, e.Timestamp, Rank: e.Data.Rank, Of: e.Data.Of));

    public void Apply(IEvent<ObservationVerified> e) =>
        Change(e.Data.Number, o => o with { Verification = new VerificationDto(VerificationDecision.Verified, e.Data.UnitId, e.Data.Note, e.Timestamp) });

    public void Apply(IEvent<ObservationRejected> e) =>
        Change(e.Data.Number, o => o with { Verification = new VerificationDto(VerificationDecision.Rejected, e.Data.UnitId, e.Data.Reason, e.Timestamp) });

    public void Apply(IEvent<ObservationWithdrawn> e) =>
        Change(e.Data.Number, o => o with { Withdrawal = new WithdrawalDto(e.Data.UnitId, e.Data.Reason, e.Timestamp) });

    private void Change(int number, Func<ObservationDto, ObservationDto> change)
    {
        if (number >= 1 && number <= Observations.Count)
        {
            Observations[number - 1] = change(Observations[number - 1]);
        }
    }

    public static decimal Percent(decimal numerator, decimal denominator) =>
        denominator == 0 ? 0 : Math.Round(numerator * 100m / denominator, 4);

    /// <summary>The observations, those standing for the years of the period, and the one standing for the latest year before it (the baseline).</summary>
    public IndicatorDto ToDto(PlanPeriod period)
    {
        var standing = Standing();
        return new IndicatorDto(TargetCode, Numbered().ToList(), standing.Where(o => o.Year >= period.From).ToList(), Version,
            standing.LastOrDefault(o => o.Year < period.From));
    }
}
