using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Contracts.Volunteers;

/// <summary>
/// An institution registered a science volunteer. The person is known only by <see cref="PersonKey"/>, their opaque key
/// within the district: the same person registered by two institutions has the same key, and the number itself is
/// never stored. Since the person register, the key is the person's id in the register (32 hexadecimal digits);
/// registrations recorded before it held a keyed hash of the ID number, which <c>persons migrate</c> moves there.
/// </summary>
public sealed record VolunteerRegistered(string PersonKey, Guid InstitutionId, DateOnly RegisteredOn);

/// <summary>An institution ended a volunteer's registration.</summary>
public sealed record VolunteerDeregistered(string PersonKey, Guid InstitutionId, DateOnly LeftOn, string? Reason);

/// <summary>The coordinating unit (or a unit leading the volunteer target's measure) verified that the person is a registered science volunteer.</summary>
public sealed record VolunteerVerified(string PersonKey, Guid UnitId, string? Note);

/// <summary>The coordinating unit (or a unit leading the volunteer target's measure) rejected the registration: the person no longer counts.</summary>
public sealed record VolunteerRejected(string PersonKey, Guid UnitId, string Reason);

/// <summary>Body of <c>POST /api/v1/volunteers</c>: the resident ID number is hashed on arrival and then forgotten.</summary>
/// <param name="Name">The volunteer's name, kept encrypted in the person register.</param>
/// <param name="Contact">A telephone number or address, kept encrypted in the person register.</param>
public sealed record RegisterVolunteer(string IdNumber, DateOnly? RegisteredOn, string? Name = null, string? Contact = null);

/// <summary>Body of <c>POST /api/v1/volunteers/{personKey}/deregistration</c>.</summary>
public sealed record DeregisterVolunteer(DateOnly? LeftOn, string? Reason = null);

/// <param name="PersonKey">The person's id in the register (32 hexadecimal digits), used in the volunteer's routes.</param>
/// <param name="Verification">The coordinating unit's decision on the person, or null while none was made.</param>
/// <param name="Person">The person's fields from the register, decrypted for the roles that may see them.</param>
public sealed record VolunteerDto(
    string PersonKey, bool Active, IReadOnlyList<VolunteerRegistrationDto> Registrations, long Version, VerificationDto? Verification = null, Persons.PersonDto? Person = null);

public sealed record VolunteerRegistrationDto(Guid InstitutionId, DateOnly RegisteredOn, DateOnly? LeftOn);
