using FluentValidation;
using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Cities;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.AddingDistricts;

public sealed class AddCityDistrictValidator : AbstractValidator<AddCityDistrict>
{
    public AddCityDistrictValidator() =>
        RuleFor(r => r.District).NotEmpty().Matches(DistrictCodes.Pattern).WithMessage("A district is named by its code.");
}

public static class AddCityDistrictEndpoint
{
    /// <summary>Adds a registered district to a city: its auditors read it from now on. A district already in the city changes nothing.</summary>
    [WolverinePost("/api/v1/admin/cities/{code}/districts", OperationId = "AddCityDistrict")]
    [Authorize(Roles = AccessRoles.SuperAdmin)]
    public static Task<CityDto> Post(string code, AddCityDistrict request, CityRegistry registry, CancellationToken cancellation) =>
        registry.AddDistrictAsync(code, request.District, cancellation);
}
