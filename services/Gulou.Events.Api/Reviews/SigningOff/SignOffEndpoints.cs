using FluentValidation;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.SigningOff;

public sealed class SignOffUnitYearValidator : AbstractValidator<SignOffUnitYear>
{
    public SignOffUnitYearValidator() => RuleFor(r => r.Note).Text(MaxReason);

    public const int MaxReason = 1000;
}

public sealed class ReturnUnitYearValidator : AbstractValidator<ReturnUnitYear>
{
    public ReturnUnitYearValidator() => RuleFor(r => r.Reason).NotEmpty().Text(SignOffUnitYearValidator.MaxReason);
}

public static class SignOffEndpoints
{
    /// <summary>A responsible unit submits its part of the year for review, with its own key (first, or again after a return).</summary>
    [WolverinePost("/api/v1/reviews/{year}/units/{unitCode}/submission", OperationId = "SubmitUnitYear")]
    [Refuses(409, ErrorCodes.InvalidState, "the unit's part is submitted or accepted already, or the year is closed")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<YearSignoffDto> Submit(
        int year, string unitCode, string? plan, SignOffUnitYear request, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var (catalog, unit) = await CheckAsync(year, unitCode, plan, book, session, clock, cancellation);
        if (await ReviewAccess.UnitCodeOfAsync(session, caller, cancellation) != unit)
        {
            throw ProblemException.Forbidden($"Only {unit} submits its own part, with its own key.");
        }

        var review = await YearReviews.AppendAsync(session, caller.TenantId, year,
            r => SignoffDecisions.Submit(r, year, unit, caller.InstitutionId, FreeText.Normalize(request.Note)), cancellation);
        return SignoffView.Of(review, year, catalog, clock.GetUtcNow());
    }

    /// <summary>The coordinating unit accepts a unit's submitted part.</summary>
    [WolverinePost("/api/v1/reviews/{year}/units/{unitCode}/acceptance", OperationId = "AcceptUnitYear")]
    [Refuses(409, ErrorCodes.InvalidState, "the unit's part is not submitted, or the year is closed")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = AccessRoles.Unit)]
    public static Task<YearSignoffDto> Accept(
        int year, string unitCode, string? plan, SignOffUnitYear request, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsCoordinatorAsync(year, unitCode, plan, caller, book, session, clock,
            (review, unit) => SignoffDecisions.Accept(review, year, unit, caller.InstitutionId, FreeText.Normalize(request.Note)), cancellation);

    /// <summary>The coordinating unit returns a unit's submitted or accepted part, with the reason; the unit submits it again.</summary>
    [WolverinePost("/api/v1/reviews/{year}/units/{unitCode}/return", OperationId = "ReturnUnitYear")]
    [Refuses(409, ErrorCodes.InvalidState, "the unit's part is neither submitted nor accepted, or the year is closed")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = AccessRoles.Unit)]
    public static Task<YearSignoffDto> Return(
        int year, string unitCode, string? plan, ReturnUnitYear request, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsCoordinatorAsync(year, unitCode, plan, caller, book, session, clock,
            (review, unit) => SignoffDecisions.Return(review, year, unit, caller.InstitutionId, FreeText.Normalize(request.Reason)!), cancellation);

    /// <summary>
    /// Every responsible unit of the year's plan with its state, who moved it and when; the year's state, override,
    /// exceptions and every step.
    /// </summary>
    [WolverineGet("/api/v1/reviews/{year}/signoff", OperationId = "GetYearSignoff")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = ReviewAccess.Readers)]
    public static async Task<YearSignoffDto> Get(int year, string? plan, Caller caller, DistrictPlanBook book, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var catalog = await book.OfYearAsync(session, year, plan, clock, cancellation);
        var review = await session.LoadAsync<YearReview>(YearReview.IdFor(caller.TenantId, year), cancellation);
        return SignoffView.Of(review, year, catalog, clock.GetUtcNow());
    }

    private static async Task<YearSignoffDto> DecideAsCoordinatorAsync(
        int year, string unitCode, string? planId, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, Func<YearReview?, string, object> decide, CancellationToken cancellation)
    {
        var (plan, unit) = await CheckAsync(year, unitCode, planId, book, session, clock, cancellation);
        await ReviewAccess.EnsureCoordinatorAsync(session, caller, plan, cancellation);
        var review = await YearReviews.AppendAsync(session, caller.TenantId, year, r => decide(r, unit), cancellation);
        return SignoffView.Of(review, year, plan, clock.GetUtcNow());
    }

    /// <summary>The year's plan, and the unit's code when it is one of that plan's responsible units.</summary>
    private static async Task<(CurrentPlan Plan, string Unit)> CheckAsync(
        int year, string unitCode, string? planId, DistrictPlanBook book, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var plan = await book.OfYearAsync(session, year, planId, clock, cancellation);
        var code = unitCode.Trim().ToUpperInvariant();
        return plan.SignoffUnits().Any(u => u.Code == code) ? (plan, code) : throw ProblemException.NotFound("responsible unit", unitCode);
    }
}
