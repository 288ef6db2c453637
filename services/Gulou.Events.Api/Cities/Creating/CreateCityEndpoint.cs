using FluentValidation;
using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Cities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.Creating;

public sealed class CreateCityValidator : AbstractValidator<CreateCity>
{
    public CreateCityValidator()
    {
        RuleFor(r => r.Code).NotEmpty().Matches(DistrictCodes.Pattern).WithMessage(DistrictCodes.Rule);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Districts).Must(d => d is { Count: > 0 and <= 100 }).WithMessage("Name 1 to 100 districts.");
        RuleForEach(r => r.Districts).NotEmpty().Matches(DistrictCodes.Pattern).WithMessage("A district is named by its code.");
    }
}

public static class CreateCityEndpoint
{
    /// <summary>
    /// Creates a city: a name and the registered districts (by code) it is made of, and the key of its first city
    /// auditor, shown in this answer only. A city auditor reads the figures of the city's districts and nothing else.
    /// </summary>
    [WolverinePost("/api/v1/admin/cities", OperationId = "CreateCity")]
    [Refuses(409, ErrorCodes.InvalidState, "a city with this code exists")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static async Task<Created<CityCreated>> Post(CreateCity request, CityRegistry registry, CancellationToken cancellation)
    {
        var created = await registry.CreateAsync(request, cancellation);
        return TypedResults.Created($"/api/v1/admin/cities/{created.City.Code}", created);
    }
}
