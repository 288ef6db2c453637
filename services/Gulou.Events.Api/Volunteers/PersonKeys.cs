using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.Api.Volunteers;

/// <summary>
/// Turns a resident ID number into a person key: HMAC-SHA256 under a server secret and the district, so the
/// same person is the same key within a district while the number itself is neither stored nor recoverable.
/// </summary>
public sealed class PersonKeys(GulouSettings settings)
{
    public string KeyFor(string tenantId, string idNumber)
    {
        var secret = settings.PersonKeySecret
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, Contracts.ErrorCodes.NotConfigured, "Not configured",
                "Volunteer registration needs a person-key secret (Gulou:PersonKeySecret or GULOU_PERSON_KEY_SECRET).");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{tenantId}\u001f{ResidentId.Normalize(idNumber)}"));
        return Convert.ToHexStringLower(digest);
    }

    public static Guid StreamFor(string tenantId, string personKey) => DeterministicGuid.Create("volunteer", tenantId, personKey);
}
