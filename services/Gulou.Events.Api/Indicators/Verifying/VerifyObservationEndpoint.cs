using Gulou.Events.Api.Indicators.Observing;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Indicators;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Indicators.Verifying;

public static class VerifyObservationEndpoint
{
    /// <summary>
    /// A unit that answers for the target, and did not record the observation, verifies or rejects it. A rejected
    /// observation no longer stands for its year (the previous one of the year does); the verified figure of a year is
    /// its latest verified observation.
    /// </summary>
    [WolverinePost("/api/v1/indicators/{targetCode}/observations/{number}/verification", OperationId = "VerifyObservation")]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<IndicatorDto> Post(
        string targetCode, int number, VerifyRecord request, Caller caller, CurrentPlan plan, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var target = RecordObservationEndpoint.IndicatorTarget(plan, targetCode);
        var unit = await RecordVerification.UnitAsync(session, caller, cancellation);
        RecordVerification.EnsureAnswersFor(unit, [target], plan, $"observations of {target.Code}");

        var id = IndicatorsModule.StreamFor(caller.TenantId, target.Code);
        var stream = await session.Events.FetchForWriting<IndicatorRecord>(id, cancellation);
        var observation = stream.Aggregate?.Observation(number) ?? throw ProblemException.NotFound($"observation of {target.Code}", number);
        return (await RecordVerification.AppendAsync(session, stream, Decide(request, target.Code, observation, unit), events => locks.EnsureOpenAsync<IndicatorTally>(session, caller.InstitutionId, id, events, cancellation), cancellation)).ToDto(plan.Period);
    }

    /// <summary>The decision to record, or null when the observation already carries it.</summary>
    public static object? Decide(VerifyRecord request, string targetCode, ObservationDto observation, Institution unit)
    {
        if (observation.Withdrawal is not null)
        {
            throw ProblemException.InvalidState("The observation was withdrawn; there is nothing to verify.");
        }

        RecordVerification.EnsureNotRecordedBy(unit, [observation.UnitId], "an observation");
        if (RecordVerification.Repeats(observation.Verification, request))
        {
            return null;
        }

        var reason = FreeText.Normalize(request.Reason);
        return request.Decision == VerificationDecision.Verified
            ? new ObservationVerified(targetCode, observation.Number, unit.Id, reason)
            : new ObservationRejected(targetCode, observation.Number, unit.Id, reason!);
    }
}
