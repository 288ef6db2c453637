using FluentValidation;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Indicators.Observing;

public sealed class RecordObservationValidator : AbstractValidator<RecordObservation>
{
    public RecordObservationValidator(CurrentPlan plan, TimeProvider clock)
    {
        // A baseline survey of the year before the period is accepted, a survey of a year to come is not.
        RuleFor(r => r.Year).NotNull().Must(y => y is null || (y >= plan.Period.From - 1 && y <= clock.Today().Year))
            .WithMessage($"year is from {plan.Period.From - 1} to the current year.");
        RuleFor(r => r.Denominator).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000_000m);
        RuleFor(r => r.Numerator).NotNull().GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(r => r.Denominator ?? decimal.MaxValue).WithMessage("numerator is at most the denominator.");
        RuleFor(r => r.Source).NotEmpty().Text(200);
        RuleFor(r => r.ObservedOn).Must(d => d is null || d <= clock.Today()).WithMessage("observedOn is not in the future.");
    }
}

public static class RecordObservationEndpoint
{
    /// <summary>
    /// Records a survey result for an indicator target (T-LITERACY, T-ELDERLY-FITNESS). Every observation is kept;
    /// the latest one recorded for a year stands for that year.
    /// </summary>
    [WolverinePost("/api/v1/indicators/{targetCode}/observations", OperationId = "RecordObservation")]
    [Refuses(403, ErrorCodes.Forbidden, "the unit is not responsible for the target")]
    [Authorize(Roles = "unit,admin")]
    public static async Task<Created<IndicatorDto>> Post(
        string targetCode, RecordObservation request, Caller caller, CurrentPlan plan, IDocumentSession session, CancellationToken cancellation)
    {
        var target = IndicatorTarget(plan, targetCode);
        await EnsureMayObserveAsync(session, caller, target, cancellation);

        var id = IndicatorsModule.StreamFor(caller.TenantId, target.Code);
        var stream = await session.Events.FetchForWriting<IndicatorRecord>(id, cancellation);
        var observed = new IndicatorObserved(target.Code, request.Year!.Value, request.Numerator!.Value, request.Denominator!.Value,
            ActivityContent.NormalizeText(request.Source)!, request.ObservedOn, caller.InstitutionId);
        await NaturalKeyStreams.SaveAsync(session, stream, observed, cancellation);

        var dto = (await session.Events.FetchLatest<IndicatorRecord>(id, cancellation))!.ToDto();
        return TypedResults.Created($"/api/v1/indicators/{target.Code}/observations", dto);
    }

    public static PlanTarget IndicatorTarget(CurrentPlan plan, string targetCode) =>
        plan.Target(targetCode) is { Kind: TargetKind.Indicator } target ? target : throw ProblemException.NotFound("indicator target", targetCode);

    /// <summary>An administrator, a unit leading the target's measure, or a unit the target names as its observer.</summary>
    private static async Task EnsureMayObserveAsync(IQuerySession session, Caller caller, PlanTarget target, CancellationToken cancellation)
    {
        if (caller.Role == Role.Admin)
        {
            return;
        }

        var unit = await session.LoadAsync<Institution>(caller.InstitutionId, cancellation);
        var leads = target.Measure is { } measure && unit?.LeadsMeasures.Contains(measure) == true;
        var observes = unit?.UnitCode is { } code && target.Counting.ObservedBy?.Contains(code) == true;
        if (!leads && !observes)
        {
            throw ProblemException.Forbidden($"Only a unit responsible for {target.Code} records its observations.");
        }
    }
}
