using Gulou.Events.Api.Indicators.Observing;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Indicators;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Indicators.Reading;

public static class GetObservationsEndpoint
{
    /// <summary>Every observation of an indicator or ranking target (withdrawn ones included), the one standing for each year of the plan period, and the baseline.</summary>
    [WolverineGet("/api/v1/indicators/{targetCode}/observations", OperationId = "GetObservations")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<IndicatorDto> Get(string targetCode, Caller caller, CurrentPlan plan, IQuerySession session, CancellationToken cancellation)
    {
        var target = RecordObservationEndpoint.IndicatorTarget(plan, targetCode);
        var record = await session.LoadAsync<IndicatorRecord>(IndicatorsModule.StreamFor(caller.TenantId, target.Code), cancellation);
        return record?.ToDto(plan.Period) ?? new IndicatorDto(target.Code, [], [], 0);
    }
}
