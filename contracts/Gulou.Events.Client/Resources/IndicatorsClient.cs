using Gulou.Events.Contracts.Indicators;

namespace Gulou.Events.Client.Resources;

/// <summary>Survey observations of the indicator targets (literacy rate, elderly fitness rate).</summary>
public sealed class IndicatorsClient(ApiConnection api)
{
    public Task<IndicatorDto> RecordObservationAsync(string targetCode, RecordObservation observation, CancellationToken cancellation = default) =>
        api.SendAsync<IndicatorDto>(ApiRoutes.RecordObservation, [targetCode], null, observation, cancellation);

    public Task<IndicatorDto> GetObservationsAsync(string targetCode, CancellationToken cancellation = default) =>
        api.SendAsync<IndicatorDto>(ApiRoutes.GetObservations, [targetCode], null, null, cancellation);
}
