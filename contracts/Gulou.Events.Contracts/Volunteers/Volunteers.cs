namespace Gulou.Events.Contracts.Volunteers;

/// <summary>
/// An institution registered a science volunteer. The person is known only by <see cref="PersonKey"/>, a keyed
/// hash of the ID number: the same person registered by two institutions has the same key, and the number
/// itself is never stored.
/// </summary>
public sealed record VolunteerRegistered(string PersonKey, Guid InstitutionId, DateOnly RegisteredOn);

/// <summary>An institution ended a volunteer's registration.</summary>
public sealed record VolunteerDeregistered(string PersonKey, Guid InstitutionId, DateOnly LeftOn, string? Reason);

/// <summary>Body of <c>POST /api/v1/volunteers</c>: the resident ID number is hashed on arrival and then forgotten.</summary>
public sealed record RegisterVolunteer(string IdNumber, DateOnly? RegisteredOn);

/// <summary>Body of <c>POST /api/v1/volunteers/{personKey}/deregistration</c>.</summary>
public sealed record DeregisterVolunteer(DateOnly? LeftOn, string? Reason = null);

public sealed record VolunteerDto(string PersonKey, bool Active, IReadOnlyList<VolunteerRegistrationDto> Registrations, long Version);

public sealed record VolunteerRegistrationDto(Guid InstitutionId, DateOnly RegisteredOn, DateOnly? LeftOn);
