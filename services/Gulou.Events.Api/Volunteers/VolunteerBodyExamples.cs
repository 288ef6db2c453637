using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.Api.Volunteers;

/// <summary>A volunteer's registration and departure, for the OpenAPI document (the ID number is a valid made-up one).</summary>
public sealed class VolunteerBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples =>
    [
        new RegisterVolunteer("11010519491231002X", new DateOnly(2022, 3, 5), "张三", "13800000000"),
        new DeregisterVolunteer(new DateOnly(2024, 6, 30), "Moved out of the district."),
        new VerifyRecord(VerificationDecision.Verified, "Registration checked against the volunteer platform."),
    ];
}
