using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Persons;

/// <summary>
/// The person register: finds or adds a person by their blind index, reads their fields for the callers that may see
/// them, and erases them by destroying their data key. Records that count people carry only the person's id.
/// </summary>
public sealed class PersonRegister(PersonCipher cipher, BlindIndex index, TimeProvider clock)
{
    /// <summary>The stream an erasure is recorded in.</summary>
    public static Guid StreamFor(string tenantId, Guid personId) => DeterministicGuid.Create("person", tenantId, personId.ToString("N"));

    /// <summary>
    /// The person the blind index of (<paramref name="purpose"/>, <paramref name="value"/>) finds, with the fields given
    /// added to theirs, or a new person with a new data key. Nothing is saved: the caller saves with its events.
    /// </summary>
    public async Task<Guid> EnlistAsync(IDocumentSession session, string purpose, string value, PersonFields fields, string role, Guid institutionId, CancellationToken cancellation)
    {
        var tenantId = session.TenantId;
        var lookupId = DeterministicGuid.Create("person-lookup", tenantId, index.Lookup(tenantId, purpose, value));
        var key = await session.LoadAsync<PersonKeyRecord>(lookupId, cancellation);
        if (key is null)
        {
            var id = Guid.NewGuid();
            var dataKey = PersonCipher.NewDataKey();
            session.Insert(new PersonKeyRecord { Id = lookupId, PersonId = id, WrappedKey = cipher.Wrap(tenantId, id, dataKey), MasterKeyId = cipher.MasterKeyId });
            session.Store(new PersonRecord
            {
                Id = id, Roles = [role], RegisteredBy = [institutionId], Fields = PersonCipher.Seal(tenantId, id, dataKey, fields), RegisteredAt = clock.GetUtcNow(),
            });
            return id;
        }

        var person = await session.LoadAsync<PersonRecord>(key.PersonId, cancellation)
            ?? new PersonRecord { Id = key.PersonId, RegisteredAt = clock.GetUtcNow() };
        var data = DataKey(tenantId, key);
        var merged = person.Fields is { } sealedFields ? PersonCipher.Open(tenantId, person.Id, data, sealedFields).With(fields) : fields;
        var changed = merged != (person.Fields is { } before ? PersonCipher.Open(tenantId, person.Id, data, before) : null)
            || !person.Roles.Contains(role) || !person.RegisteredBy.Contains(institutionId);
        if (changed)
        {
            person.Fields = PersonCipher.Seal(tenantId, person.Id, data, merged);
            person.Roles = person.Roles.Append(role).Distinct().ToList();
            person.RegisteredBy = person.RegisteredBy.Append(institutionId).Distinct().ToList();
            session.Store(person);
        }

        return person.Id;
    }

    private byte[] DataKey(string tenantId, PersonKeyRecord key) =>
        cipher.Unwrap(tenantId, key.PersonId, key.MasterKeyId, key.WrappedKey)
        ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NotConfigured, "Not configured",
            "A person's data key is wrapped under a master key this service does not have (Gulou:PreviousPersonMasterKeys).");

    /// <summary>Whether the caller may see a person's fields: administrators, units and auditors, and a partner the people it registered.</summary>
    public static bool MaySee(Caller? caller, PersonRecord person) =>
        caller is not { Role: Role.Partner } || person.RegisteredBy.Contains(caller.InstitutionId);

    /// <summary>The people's fields as the caller may see them (every field when <paramref name="caller"/> is null), by id; unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, PersonDto>> ReadAsync(IQuerySession session, IEnumerable<Guid> ids, Caller? caller, CancellationToken cancellation)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, PersonDto>();
        }

        var people = await session.LoadManyAsync<PersonRecord>(cancellation, wanted);
        var found = (await session.Query<PersonKeyRecord>().Where(k => k.PersonId.IsOneOf(wanted)).ToListAsync(cancellation)).ToDictionary(k => k.PersonId);
        return people.ToDictionary(p => p.Id, p => View(session.TenantId, p, found.GetValueOrDefault(p.Id), caller));
    }

    public async Task<PersonDto?> ReadAsync(IQuerySession session, Guid? id, Caller? caller, CancellationToken cancellation) =>
        id is { } personId && (await ReadAsync(session, [personId], caller, cancellation)).TryGetValue(personId, out var person) ? person : null;

    /// <summary>Everything the register holds on the person, decrypted, or null when it is erased or unreadable.</summary>
    public async Task<PersonFields?> FieldsAsync(IQuerySession session, PersonRecord person, CancellationToken cancellation)
    {
        var key = await session.Query<PersonKeyRecord>().Where(k => k.PersonId == person.Id).FirstOrDefaultAsync(cancellation);
        return Open(session.TenantId, person, key);
    }

    private PersonDto View(string tenantId, PersonRecord person, PersonKeyRecord? key, Caller? caller)
    {
        if (person.Erased)
        {
            return new PersonDto(person.Id, PersonDto.ErasedText, PersonDto.ErasedText, true, PersonDto.ErasedText);
        }

        var fields = MaySee(caller, person) ? Open(tenantId, person, key) : null;
        return new PersonDto(person.Id, fields?.Name, fields?.Contact, false, fields?.SubjectKey);
    }

    private PersonFields? Open(string tenantId, PersonRecord person, PersonKeyRecord? key) =>
        person.Fields is { } sealedFields && key is not null && cipher.Unwrap(tenantId, person.Id, key.MasterKeyId, key.WrappedKey) is { } data
            ? PersonCipher.Open(tenantId, person.Id, data, sealedFields)
            : null;

    /// <summary>
    /// Erases the person: deletes their data key (and with it their blind index), drops their sealed fields, and records
    /// the erasure as an event without personal data. Nothing is saved: the caller saves.
    /// </summary>
    public async Task<PersonRecord> EraseAsync(IDocumentSession session, Guid personId, string reason, string legalBasis, Guid erasedBy, bool byRetention, CancellationToken cancellation)
    {
        var person = await session.LoadAsync<PersonRecord>(personId, cancellation) ?? throw ProblemException.NotFound("person", personId);
        if (person.Erased)
        {
            throw ProblemException.InvalidState($"The person was already erased on {person.ErasedAt:yyyy-MM-dd}.");
        }

        session.DeleteWhere<PersonKeyRecord>(k => k.PersonId == personId);
        person.Fields = null;
        person.ErasedAt = clock.GetUtcNow();
        person.ErasureReason = reason;
        person.LegalBasis = legalBasis;
        person.ErasedByRetention = byRetention;
        session.Store(person);
        session.Events.Append(StreamFor(session.TenantId, personId), new PersonErased(personId, reason, legalBasis, erasedBy, byRetention));
        return person;
    }
}
