using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
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
    /// <summary>More county-level divisions than any province has.</summary>
    public const int MaxDistricts = 1000;

    public RecordObservationValidator(CurrentPlan plan, TimeProvider clock)
    {
        // A baseline survey of the year before the period is accepted, a survey of a year to come is not.
        RuleFor(r => r.Year).NotNull().Must(y => y is null || (y >= plan.Period.From - 1 && y <= clock.Today().Year))
            .WithMessage($"year is from {plan.Period.From - 1} to the current year.");
        // A survey gives numerator and denominator; a ranking gives the rank and how many districts were ranked.
        When(r => r.Rank is null && r.Of is null, () =>
        {
            RuleFor(r => r.Denominator).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000_000m);
            RuleFor(r => r.Numerator).NotNull().GreaterThanOrEqualTo(0)
                .LessThanOrEqualTo(r => r.Denominator ?? decimal.MaxValue).WithMessage("numerator is at most the denominator.");
        }).Otherwise(() =>
        {
            RuleFor(r => r.Rank).NotNull().GreaterThanOrEqualTo(1);
            RuleFor(r => r.Of).NotNull().InclusiveBetween(1, MaxDistricts)
                .GreaterThanOrEqualTo(r => r.Rank ?? 1).WithMessage("of is the number of districts ranked, at least the rank.");
            RuleFor(r => r.Numerator).Null().WithMessage("A ranking gives rank and of, not a numerator.");
            RuleFor(r => r.Denominator).Null().WithMessage("A ranking gives rank and of, not a denominator.");
        });
        RuleFor(r => r.Source).NotEmpty().Text(200);
        RuleFor(r => r.ObservedOn).Must(d => d is null || d <= clock.Today()).WithMessage("observedOn is not in the future.");
    }
}

public static class RecordObservationEndpoint
{
    /// <summary>
    /// Records a survey result for an indicator target (T-LITERACY, T-ELDERLY-FITNESS), or a published rank for a ranking
    /// target (T-LITERACY-RANK-CITY …). Every observation is kept; the latest one recorded for a year that is neither
    /// withdrawn nor rejected stands for that year. An observation of the year before the plan period is the baseline.
    /// </summary>
    [WolverinePost("/api/v1/indicators/{targetCode}/observations", OperationId = "RecordObservation")]
    [Refuses(403, ErrorCodes.Forbidden, "the unit is not responsible for the target")]
    [Authorize(Roles = "unit,admin")]
    public static async Task<Created<IndicatorDto>> Post(
        string targetCode, RecordObservation request, Caller caller, CurrentPlan plan, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var target = IndicatorTarget(plan, targetCode);
        await EnsureMayObserveAsync(session, caller, target, cancellation);

        var id = IndicatorsModule.StreamFor(caller.TenantId, target.Code);
        var stream = await session.Events.FetchForWriting<IndicatorRecord>(id, cancellation);
        var observed = Decide(request, target, caller.InstitutionId);
        await locks.EnsureOpenAsync<IndicatorTally>(session, caller.InstitutionId, id, [observed], cancellation);
        await NaturalKeyStreams.SaveAsync(session, stream, observed, cancellation);

        var dto = (await session.Events.FetchLatest<IndicatorRecord>(id, cancellation))!.ToDto(plan.Period);
        return TypedResults.Created($"/api/v1/indicators/{target.Code}/observations", dto);
    }

    /// <summary>A survey result for an indicator, a rank for a ranking: the body must give what the target's kind takes.</summary>
    public static object Decide(RecordObservation request, PlanTarget target, Guid unitId)
    {
        var source = FreeText.Normalize(request.Source)!;
        if (target.Kind == TargetKind.Ranking)
        {
            return request.Rank is { } rank
                ? new RankObserved(target.Code, request.Year!.Value, rank, request.Of!.Value, source, request.ObservedOn, unitId)
                : throw ProblemException.Invalid("rank", $"{target.Code} is a ranking: give rank and of (the number of districts ranked).");
        }

        return request.Rank is null
            ? new IndicatorObserved(target.Code, request.Year!.Value, request.Numerator!.Value, request.Denominator!.Value, source, request.ObservedOn, unitId)
            : throw ProblemException.Invalid("rank", $"{target.Code} is a survey ratio: give numerator and denominator, not a rank.");
    }

    public static PlanTarget IndicatorTarget(CurrentPlan plan, string targetCode) =>
        plan.Target(targetCode) is { Kind: TargetKind.Indicator or TargetKind.Ranking } target ? target : throw ProblemException.NotFound("indicator target", targetCode);

    /// <summary>An administrator, a unit leading the target's measure, or a unit the target names as its observer.</summary>
    public static async Task EnsureMayObserveAsync(IQuerySession session, Caller caller, PlanTarget target, CancellationToken cancellation)
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
