using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Volunteers;
using JasperFx.Events;

namespace Gulou.Events.Api.Volunteers;

/// <summary>A science volunteer, known only by their id in the person register, and the institutions that registered them.</summary>
public sealed class VolunteerRecord : IRecord<VolunteerRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<VolunteerRegistered>("volunteer_registered"),
        RecordEvent.Of<VolunteerDeregistered>("volunteer_deregistered"),
        RecordEvent.Of<VolunteerVerified>("volunteer_verified"),
        RecordEvent.Of<VolunteerRejected>("volunteer_rejected"),
    ];

    public Guid Id { get; set; }

    public string PersonKey { get; set; } = "";

    /// <summary>The person in the register; null for a registration recorded before it (a keyed hash, until <c>persons migrate</c>).</summary>
    public Guid? PersonId => Guid.TryParseExact(PersonKey, "N", out var id) ? id : null;

    public List<VolunteerRegistrationDto> Registrations { get; set; } = [];

    /// <summary>Institutions that currently have the person registered (used for list filters).</summary>
    public List<Guid> ActiveInstitutions { get; set; } = [];

    /// <summary>The decision of a unit on the person; it stands until a unit decides again.</summary>
    public VerificationDto? Verification { get; set; }

    public long Version { get; set; }

    public bool Active => ActiveInstitutions.Count > 0;

    public VolunteerRegistrationDto? ActiveRegistration(Guid institutionId) =>
        Registrations.FirstOrDefault(r => r.InstitutionId == institutionId && r.LeftOn is null);

    /// <summary>The day the person first became a volunteer, and the day they stopped being one (null while active).</summary>
    public (DateOnly Joined, DateOnly? Left) Span() =>
        (Registrations.Min(r => r.RegisteredOn), Active ? null : Registrations.Max(r => r.LeftOn));

    public static VolunteerRecord Create(IEvent<VolunteerRegistered> e)
    {
        var record = new VolunteerRecord { PersonKey = e.Data.PersonKey };
        record.Apply(e);
        return record;
    }

    public void Apply(IEvent<VolunteerRegistered> e)
    {
        Registrations.RemoveAll(r => r.InstitutionId == e.Data.InstitutionId);
        Registrations.Add(new VolunteerRegistrationDto(e.Data.InstitutionId, e.Data.RegisteredOn, null));
        ActiveInstitutions = Registrations.Where(r => r.LeftOn is null).Select(r => r.InstitutionId).ToList();
    }

    public void Apply(IEvent<VolunteerDeregistered> e)
    {
        var index = Registrations.FindIndex(r => r.InstitutionId == e.Data.InstitutionId && r.LeftOn is null);
        if (index >= 0)
        {
            Registrations[index] = Registrations[index] with { LeftOn = e.Data.LeftOn };
        }

        ActiveInstitutions = Registrations.Where(r => r.LeftOn is null).Select(r => r.InstitutionId).ToList();
    }

    public void Apply(IEvent<VolunteerVerified> e) =>
        Verification = new VerificationDto(VerificationDecision.Verified, e.Data.UnitId, e.Data.Note, e.Timestamp);

    public void Apply(IEvent<VolunteerRejected> e) =>
        Verification = new VerificationDto(VerificationDecision.Rejected, e.Data.UnitId, e.Data.Reason, e.Timestamp);

    /// <summary>A partner sees only its own registrations of a person; <paramref name="person"/>: their fields as the caller may see them.</summary>
    public VolunteerDto ToDto(Guid? onlyInstitution = null, PersonDto? person = null) => new(
        PersonKey,
        Active,
        Registrations.Where(r => onlyInstitution is null || r.InstitutionId == onlyInstitution).ToList(),
        Version,
        Verification,
        person);
}
