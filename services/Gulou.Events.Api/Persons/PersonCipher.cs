using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Persons;

/// <summary>What the register keeps of a person, encrypted under their own data key.</summary>
/// <param name="IdNumberHash">A volunteer's keyed ID-number hash.</param>
/// <param name="SubjectKey">The key a unit designated the person under.</param>
public sealed record PersonFields(string? Name, string? Contact, string? IdNumberHash, string? SubjectKey)
{
    /// <summary>These fields with the given ones added where they are not null (a later registration may add a name).</summary>
    public PersonFields With(PersonFields more) =>
        new(more.Name ?? Name, more.Contact ?? Contact, more.IdNumberHash ?? IdNumberHash, more.SubjectKey ?? SubjectKey);
}

/// <summary>
/// Envelope encryption of the register: each person's fields under AES-256-GCM with a data key of their own, each data key
/// under AES-256-GCM with the master key. Both are bound to the district and the person (associated data), so a value
/// moved to another row does not decrypt. The master key's id (the first bytes of its hash) travels with each wrapped key,
/// so that keys taken out of use by a rotation are still read until everything was rewrapped.
/// </summary>
public sealed class PersonCipher
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly (string Id, byte[] Key)? _current;
    private readonly Dictionary<string, byte[]> _all = new(StringComparer.Ordinal);

    public PersonCipher(GulouSettings settings)
    {
        if (settings.PersonMasterKey is { } master)
        {
            _current = Derive(master);
            _all[_current.Value.Id] = _current.Value.Key;
        }

        foreach (var previous in settings.PreviousPersonMasterKeys)
        {
            var (id, key) = Derive(previous);
            _all.TryAdd(id, key);
        }
    }

    public bool IsConfigured => _current is not null;

    /// <summary>The id of the master key new data keys are wrapped under.</summary>
    public string MasterKeyId => Current.Id;

    private (string Id, byte[] Key) Current => _current
        ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NotConfigured, "Not configured",
            "The person register needs a master key (Gulou:PersonMasterKey or GULOU_PERSON_MASTER_KEY).");

    private static (string Id, byte[] Key) Derive(string secret)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Encoding.UTF8.GetBytes("gulou person master key v1"));
        return (Convert.ToHexStringLower(SHA256.HashData(key))[..16], key);
    }

    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    public string Wrap(string tenantId, Guid personId, byte[] dataKey) => Encrypt(Current.Key, Bind("key", tenantId, personId), dataKey);

    /// <summary>The data key, or null when it was wrapped under a master key this node no longer has.</summary>
    public byte[]? Unwrap(string tenantId, Guid personId, string masterKeyId, string wrapped) =>
        _all.TryGetValue(masterKeyId, out var master) ? Decrypt(master, Bind("key", tenantId, personId), wrapped) : null;

    public static string Seal(string tenantId, Guid personId, byte[] dataKey, PersonFields fields) =>
        Encrypt(dataKey, Bind("fields", tenantId, personId), JsonSerializer.SerializeToUtf8Bytes(fields));

    public static PersonFields Open(string tenantId, Guid personId, byte[] dataKey, string sealedFields) =>
        JsonSerializer.Deserialize<PersonFields>(Decrypt(dataKey, Bind("fields", tenantId, personId), sealedFields))!;

    private static byte[] Bind(string what, string tenantId, Guid personId) => Encoding.UTF8.GetBytes($"gulou person {what} v1\u001f{tenantId}\u001f{personId:N}");

    private static string Encrypt(byte[] key, byte[] associated, byte[] plain)
    {
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), associated);
        return Convert.ToBase64String(output);
    }

    private static byte[] Decrypt(byte[] key, byte[] associated, string sealedText)
    {
        var input = Convert.FromBase64String(sealedText);
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plain, associated);
        return plain;
    }
}
