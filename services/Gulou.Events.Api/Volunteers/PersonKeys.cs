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
    public string KeyFor(string tenantId, string idNumber) => Hash($"{tenantId}\u001f{ResidentId.Normalize(idNumber)}");

    /// <summary>
    /// The blind index the person register finds a person by (<paramref name="purpose"/>: what the value is, such as a
    /// volunteer's ID-number hash or a designated teacher's key), keyed like the ID-number hash and distinct from it.
    /// </summary>
    public string Lookup(string tenantId, string purpose, string value) => Hash($"lookup\u001f{tenantId}\u001f{purpose}\u001f{value}");

    private string Hash(string text)
    {
        var secret = settings.PersonKeySecret
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, Contracts.ErrorCodes.NotConfigured, "Not configured",
                "Registering people needs a person-key secret (Gulou:PersonKeySecret or GULOU_PERSON_KEY_SECRET).");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }

    public static Guid StreamFor(string tenantId, string personKey) => DeterministicGuid.Create("volunteer", tenantId, personKey);
}
