using FluentValidation;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.SigningOff;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Reviews.Locking;

public sealed class YearExceptionGrantValidator : AbstractValidator<YearExceptionGrant>
{
    public static readonly TimeSpan LongestException = TimeSpan.FromDays(90);

    public YearExceptionGrantValidator(TimeProvider clock)
    {
        RuleFor(r => r.InstitutionId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.Reason).NotEmpty().Text(SignOffUnitYearValidator.MaxReason);
        RuleFor(r => r.ExpiresAt).NotNull()
            .Must(at => at is null || (at > clock.GetUtcNow() && at <= clock.GetUtcNow() + LongestException))
            .WithMessage($"expiresAt is an instant to come, at most {LongestException.TotalDays} days from now.");
    }
}

public static class GrantExceptionEndpoint
{
    /// <summary>
    /// The coordinating unit lets one institution change a closed year's figures until the exception expires, with
    /// the reason. The institution's changes to that year are accepted meanwhile and marked late.
    /// </summary>
    [WolverinePost("/api/v1/reviews/{year}/exceptions", OperationId = "GrantYearException")]
    [Refuses(409, ErrorCodes.InvalidState, "the year is not closed: its figures change without an exception")]
    [Refuses(404, ErrorCodes.NotFound, ReviewPlan.NoSuchPlan)]
    [Authorize(Roles = AccessRoles.Unit)]
    public static async Task<Created<YearExceptionDto>> Post(
        int year, string? plan, YearExceptionGrant request, Caller caller, DistrictPlanBook book, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var catalog = await book.OfYearAsync(session, year, plan, clock, cancellation);
        await ReviewAccess.EnsureCoordinatorAsync(session, caller, catalog, cancellation);
        var institutionId = request.InstitutionId!.Value;
        if (await session.LoadAsync<Institution>(institutionId, cancellation) is null)
        {
            throw ProblemException.Invalid("institutionId", "No institution of this district has this id.");
        }

        var id = Guid.CreateVersion7();
        var review = await YearReviews.AppendAsync(session, caller.TenantId, year,
            r => SignoffDecisions.Grant(r, year, id, institutionId, FreeText.Normalize(request.Reason)!, request.ExpiresAt!.Value, caller.InstitutionId), cancellation);
        return TypedResults.Created($"/api/v1/reviews/{year}/signoff", review.Exceptions.Single(x => x.Id == id));
    }
}
