using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.Api.Institutions;

/// <summary>An institution registered by an administrator, for the OpenAPI document.</summary>
public sealed class InstitutionBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples => [new RegisterInstitution("福州大学", InstitutionKind.University, Role.Partner)];
}
