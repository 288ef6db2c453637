using FluentValidation;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Districts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Districts.Creating;

public sealed class CreateDistrictValidator : AbstractValidator<CreateDistrict>
{
    public CreateDistrictValidator(DistrictPlans plans)
    {
        RuleFor(r => r.Code).NotEmpty().Matches(DistrictCodes.Pattern).WithMessage(DistrictCodes.Rule);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Database).Matches(DistrictCodes.Pattern).WithMessage("A database is named by its key under Gulou:Databases, or 'main'.")
            .When(r => r.Database is not null);
        RuleForEach(r => r.Plans).Must(plans.IsKnown).WithMessage((_, id) => $"'{id}' is not a plan this service runs.");
    }
}

public static class CreateDistrictEndpoint
{
    /// <summary>
    /// Creates a district: registers it, places it in a database of the pool (the main one unless named) and gives it
    /// its plan and an administrator key, shown in this answer only. It works at once, on every node.
    /// </summary>
    [WolverinePost("/api/v1/admin/districts", OperationId = "CreateDistrict")]
    [Refuses(409, ErrorCodes.InvalidState, "a district with this code exists, or its database already holds data of that code")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<Created<DistrictCreated>> Post(CreateDistrict request, DistrictRegistry registry, CancellationToken cancellation)
    {
        var created = await registry.CreateAsync(request, cancellation);
        return TypedResults.Created($"/api/v1/admin/districts/{created.District.Code}", created);
    }
}
