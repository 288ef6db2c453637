using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Persons;

namespace Gulou.Events.Api.Volunteers;

/// <summary>
/// Turns a resident ID number into a person key: HMAC-SHA256 under a server secret and the district, so the
/// same person is the same key within a district while the number itself is neither stored nor recoverable.
/// </summary>
public sealed class PersonKeys(BlindIndex index)
{
    public string KeyFor(string tenantId, string idNumber) => index.Hash($"{tenantId}\u001f{ResidentId.Normalize(idNumber)}");

    public static Guid StreamFor(string tenantId, string personKey) => DeterministicGuid.Create("volunteer", tenantId, personKey);
}
