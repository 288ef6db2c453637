using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;

namespace Gulou.Events.Api.Persons;

/// <summary>
/// Keyed hashes under the person-key secret (<c>Gulou:PersonKeySecret</c>): the blind index the register finds a person by,
/// and the hash the slices that hold people turn an identifying number into (a volunteer's ID number).
/// </summary>
public sealed class BlindIndex(GulouSettings settings)
{
    /// <summary>
    /// The blind index the person register finds a person by (<paramref name="purpose"/>: what the value is, such as a
    /// volunteer's ID-number hash or a designated teacher's key), keyed like the ID-number hash and distinct from it.
    /// </summary>
    public string Lookup(string tenantId, string purpose, string value) => Hash($"lookup\u001f{tenantId}\u001f{purpose}\u001f{value}");

    /// <summary>HMAC-SHA256 of the text under the person-key secret, in lower-case hexadecimal.</summary>
    public string Hash(string text)
    {
        var secret = settings.PersonKeySecret
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, Contracts.ErrorCodes.NotConfigured, "Not configured",
                "Registering people needs a person-key secret (Gulou:PersonKeySecret or GULOU_PERSON_KEY_SECRET).");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));
    }
}
