using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Contracts.Persons;

namespace Gulou.Events.Api.Persons;

/// <summary>An erasure as an administrator records it, for the OpenAPI document.</summary>
public sealed class PersonBodyExamples : IBodyExamples
{
    public IEnumerable<object> Examples =>
    [
        new ErasePerson("The person asked for their information to be deleted.", "PIPL Art. 47(1)"),
    ];
}
