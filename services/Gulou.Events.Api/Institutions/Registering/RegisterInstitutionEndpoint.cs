using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Institutions.Registering;

public sealed class RegisterInstitutionValidator : AbstractValidator<RegisterInstitution>
{
    public RegisterInstitutionValidator(CurrentPlan plan)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.Role).NotNull();
        RuleFor(r => r.UnitCode)
            .Must(plan.HasUnit!).WithMessage(r => $"'{r.UnitCode}' is not a responsible unit of the plan.")
            .When(r => r.UnitCode is not null);
        RuleFor(r => r.UnitCode).Null().WithMessage("Only a responsible unit has a unit code.").When(r => r.Role is not Role.Unit);
        RuleFor(r => r.LeadsMeasures).Empty().WithMessage("Only a responsible unit leads measures.").When(r => r.Role is not Role.Unit);
        RuleForEach(r => r.LeadsMeasures).Must(plan.HasMeasure).WithMessage((_, code) => $"'{code}' is not a measure of the plan.");
        RuleFor(r => r.SchoolStages).Must(s => s is null || s.Count == 0).WithMessage("Only a school teaches school stages.")
            .When(r => r.Kind is not InstitutionKind.School);
        RuleFor(r => r.SchoolStages).Must(s => s is null || s.Count <= Enum.GetValues<SchoolStage>().Length)
            .WithMessage("List each stage the school teaches once.");
    }
}

public static class RegisterInstitutionEndpoint
{
    /// <summary>Registers a partner institution, a responsible unit, an auditor or an administrator.</summary>
    [WolverinePost("/api/v1/institutions", OperationId = "RegisterInstitution")]
    [Refuses(409, ErrorCodes.InvalidState, "an institution of this name is already registered")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static async Task<Created<InstitutionDto>> Post(RegisterInstitution request, CurrentPlan plan, IDocumentSession session, CancellationToken cancellation)
    {
        var name = request.Name.Trim();
        if (await session.Query<Institution>().AnyAsync(i => i.Name == name, cancellation))
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"An institution named '{name}' is already registered.");
        }

        var registered = Decide(request, Guid.CreateVersion7(), plan);
        session.Events.StartStream<Institution>(registered.InstitutionId, registered);
        await session.SaveChangesAsync(cancellation);

        var institution = await session.LoadAsync<Institution>(registered.InstitutionId, cancellation);
        return TypedResults.Created($"/api/v1/institutions/{registered.InstitutionId}", institution!.ToDto([]));
    }

    /// <summary>A unit named by its plan code leads the measures the plan gives it, unless the request lists others.</summary>
    public static InstitutionRegistered Decide(RegisterInstitution request, Guid id, CurrentPlan plan)
    {
        var leads = request.LeadsMeasures is { Count: > 0 } listed
            ? listed.Distinct().Order(StringComparer.Ordinal).ToList()
            : request.UnitCode is { } unit ? plan.MeasuresLedBy(unit) : [];
        var stages = request.SchoolStages is { Count: > 0 } taught ? taught.Distinct().Order().ToList() : null;
        return new InstitutionRegistered(id, request.Name.Trim(), request.Kind!.Value, request.Role!.Value, request.UnitCode, leads, stages);
    }
}
