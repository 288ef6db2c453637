using FluentValidation;
using Gulou.Events.Api.Indicators.Observing;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Indicators;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Indicators.Withdrawing;

public sealed class WithdrawObservationValidator : AbstractValidator<WithdrawObservation>
{
    public WithdrawObservationValidator() => RuleFor(r => r.Reason).NotEmpty().Text(RecordVerification.MaxReason);
}

public static class WithdrawObservationEndpoint
{
    /// <summary>
    /// A unit that may record the target's observations (or an administrator) withdraws one, giving the reason. It stays
    /// in the history, marked withdrawn, and no longer stands for its year: the previous observation of the year does.
    /// </summary>
    [WolverinePost("/api/v1/indicators/{targetCode}/observations/{number}/withdrawal", OperationId = "WithdrawObservation")]
    [Authorize(Roles = "unit,admin")]
    public static async Task<IndicatorDto> Post(
        string targetCode, int number, WithdrawObservation request, Caller caller, CurrentPlan plan, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var target = RecordObservationEndpoint.IndicatorTarget(plan, targetCode);
        await RecordObservationEndpoint.EnsureMayObserveAsync(session, caller, target, cancellation);

        var id = IndicatorsModule.StreamFor(caller.TenantId, target.Code);
        var stream = await session.Events.FetchForWriting<IndicatorRecord>(id, cancellation);
        var observation = stream.Aggregate?.Observation(number) ?? throw ProblemException.NotFound($"observation of {target.Code}", number);
        return (await RecordVerification.AppendAsync(session, stream, Decide(request, target.Code, observation, caller.InstitutionId), events => locks.EnsureOpenAsync<IndicatorTally>(session, caller.InstitutionId, id, events, cancellation), cancellation)).ToDto(plan.Period);
    }

    public static ObservationWithdrawn Decide(WithdrawObservation request, string targetCode, ObservationDto observation, Guid unitId) =>
        observation.Withdrawal is null
            ? new ObservationWithdrawn(targetCode, observation.Number, unitId, FreeText.Normalize(request.Reason)!)
            : throw ProblemException.InvalidState("The observation was already withdrawn.");
}
