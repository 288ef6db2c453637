using Gulou.Events.Contracts.Persons;

namespace Gulou.Events.Api.Persons;

/// <summary>
/// A person in the register (a document, not an event): what they were registered as and by whom, and their fields
/// sealed under their own data key. Erasure destroys the key and drops the sealed fields; the record stays, holding
/// nothing personal, so that the erasure can be shown.
/// </summary>
public sealed class PersonRecord
{
    public Guid Id { get; set; }

    /// <summary>What the person was registered as: <c>volunteer</c>, <c>backbone_teacher</c>, <c>model_worker_studio</c>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The institutions that registered or designated the person.</summary>
    public List<Guid> RegisteredBy { get; set; } = [];

    /// <summary>The fields, sealed (AES-GCM) under the person's data key; null once erased.</summary>
    public string? Fields { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? ErasedAt { get; set; }

    public string? ErasureReason { get; set; }

    public string? LegalBasis { get; set; }

    public bool ErasedByRetention { get; set; }

    public bool Erased => ErasedAt is not null;

    public PersonErasureDto? Erasure => ErasedAt is { } at ? new PersonErasureDto(Id, at, ErasureReason ?? "", LegalBasis ?? "", ErasedByRetention) : null;
}

/// <summary>
/// The key table: a person's data key wrapped under the master key, found by the person's blind index (the row's id is
/// derived from it) or by the person's id. Erasure deletes the row, and with it the only way to the fields and the
/// only link from an ID number to the person. Backed up apart from everything else, and kept for less time.
/// </summary>
public sealed class PersonKeyRecord
{
    /// <summary>Derived from the person's blind index, so that the store itself refuses a second person for one ID number.</summary>
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public string WrappedKey { get; set; } = "";

    public string MasterKeyId { get; set; } = "";
}
