using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;

namespace Gulou.Events.Api.Designations;

/// <summary>A designation and its revocation as a responsible unit records them, for the OpenAPI document.</summary>
public sealed class DesignationBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples =>
    [
        new RecordDesignation(DesignationKind.ScienceBase, "GL-BASE-007", DesignationLevel.City, new DateOnly(2022, 9, 1), "鼓楼区青少年科技馆"),
        new RevokeDesignation("The base closed for renovation for two years.", new DateOnly(2024, 3, 1), DesignationLevel.City),
        new VerifyDesignation(VerificationDecision.Verified, "Certificate checked against the city's list.", DesignationLevel.City),
    ];
}
