using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Indicators;

namespace Gulou.Events.Client.Resources;

/// <summary>Observations of the indicator targets (literacy rate, elderly fitness rate) and of the ranking targets.</summary>
public sealed class IndicatorsClient(ApiConnection api)
{
    public Task<IndicatorDto> RecordObservationAsync(string targetCode, RecordObservation observation, CancellationToken cancellation = default) =>
        api.SendAsync<IndicatorDto>(ApiRoutes.RecordObservation, [targetCode], null, observation, cancellation);

    /// <summary>Another unit's decision on observation <paramref name="number"/> (1 for the first recorded).</summary>
    public Task<IndicatorDto> VerifyObservationAsync(string targetCode, int number, VerifyRecord decision, CancellationToken cancellation = default) =>
        api.SendAsync<IndicatorDto>(ApiRoutes.VerifyObservation, [targetCode, number], null, decision, cancellation);

    public Task<IndicatorDto> WithdrawObservationAsync(string targetCode, int number, WithdrawObservation withdrawal, CancellationToken cancellation = default) =>
        api.SendAsync<IndicatorDto>(ApiRoutes.WithdrawObservation, [targetCode, number], null, withdrawal, cancellation);

    public Task<IndicatorDto> GetObservationsAsync(string targetCode, CancellationToken cancellation = default) =>
        api.SendAsync<IndicatorDto>(ApiRoutes.GetObservations, [targetCode], null, null, cancellation);
}
