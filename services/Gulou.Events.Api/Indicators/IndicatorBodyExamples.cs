using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts.Indicators;

namespace Gulou.Events.Api.Indicators;

/// <summary>A survey result as the responsible unit records it, for the OpenAPI document.</summary>
public sealed class IndicatorBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples =>
    [
        new RecordObservation(2023, 1562m, 10000m, "福州市公民科学素质抽样调查 2023", new DateOnly(2023, 11, 30)),
        new WithdrawObservation("The survey's sample was drawn again; its result replaces this one."),
    ];
}
