using System.Security.Cryptography;
using System.Text;

namespace Gulou.Events.Api.Infrastructure.Security;

/// <summary>Access keys: 256 random bits, shown once; only their SHA-256 is stored.</summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";
    private const string Prefix = "glk_";

    /// <summary>Keys longer than this are refused before any hashing or lookup.</summary>
    public const int MaxLength = 256;

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// A fast hash is enough: keys carry 256 bits of entropy, so there is nothing to brute-force, and the
    /// lookup by hash leaks nothing about the key itself.
    /// </summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(key));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
