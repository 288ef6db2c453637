using System.Security.Cryptography;
using System.Text;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// Name-based UUIDs (RFC 9562, version 5). A stream whose identity is a natural key (a partner's external
/// reference, a designated subject, a plan) gets its id from that key, so the store itself refuses a second
/// stream for the same key, even under concurrent requests.
/// </summary>
public static class DeterministicGuid
{
    private static readonly Guid Namespace = new("6f1c2a4e-7b0d-5c3e-9a8f-1d2e3f4a5b6c");

    public static Guid Create(params string[] parts)
    {
        var name = Encoding.UTF8.GetBytes(string.Join('\u001f', parts));
        var ns = Namespace.ToByteArray(bigEndian: true);
        var input = new byte[ns.Length + name.Length];
        ns.CopyTo(input, 0);
        name.CopyTo(input, ns.Length);

#pragma warning disable CA5350 // SHA-1 is what version-5 UUIDs are defined with; nothing here is a secret.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
