using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Designations.Revoking;

public sealed class RevokeDesignationValidator : AbstractValidator<RevokeDesignation>
{
    public RevokeDesignationValidator(TimeProvider clock)
    {
        RuleFor(r => r.Reason).NotEmpty().Text(500);
        RuleFor(r => r.RevokedOn).NotNull().Must(d => d is null || d <= clock.Today()).WithMessage("revokedOn is not in the future.");
    }
}

public static class RevokeDesignationEndpoint
{
    /// <summary>
    /// Withdraws a designation at one level, or at every level when no level is given: for cause (the default), or as a
    /// term that ended (<c>forCause: false</c>), which targets counting what came in within the period do not take away.
    /// </summary>
    [WolverinePost("/api/v1/designations/{id}/revocation", OperationId = "RevokeDesignation")]
    [Refuses(403, ErrorCodes.Forbidden, "the unit leads no measure of the designation's target")]
    [Refuses(409, ErrorCodes.InvalidState, "there is no standing designation to revoke")]
    [Authorize(Roles = "unit,admin")]
    public static async Task<DesignationDto> Post(Guid id, RevokeDesignation request, Caller caller, CurrentPlan plan, PersonRegister register, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<DesignationRecord>(id, cancellation);
        var designation = stream.Aggregate ?? throw ProblemException.NotFound("designation", id);
        await DesignationAccess.EnsureMayAwardAsync(session, caller, designation.Kind, plan, cancellation);

        var revoked = Decide(request, designation, caller.InstitutionId);
        await locks.EnsureOpenAsync<DesignationTally>(session, caller.InstitutionId, id, [revoked], cancellation);
        stream.AppendOne(revoked);
        await session.SaveChangesAsync(cancellation);
        return await DesignationReads.ToDtoAsync((await session.Events.FetchLatest<DesignationRecord>(id, cancellation))!, caller, register, session, cancellation);
    }

    public static DesignationRevoked Decide(RevokeDesignation request, DesignationRecord designation, Guid unitId)
    {
        var active = designation.Awards.Where(a => a.RevokedOn is null && (request.Level is null || a.Level == request.Level)).ToList();
        if (active.Count == 0)
        {
            throw ProblemException.InvalidState("There is no standing designation to revoke.");
        }

        var revokedOn = request.RevokedOn!.Value;
        if (active.Any(a => revokedOn < a.AwardedOn))
        {
            throw ProblemException.Invalid("revokedOn", "A designation is revoked on or after the day it was awarded.");
        }

        return new DesignationRevoked(designation.Id, request.Level, FreeText.Normalize(request.Reason)!, revokedOn, unitId, request.ForCause ?? true);
    }
}
