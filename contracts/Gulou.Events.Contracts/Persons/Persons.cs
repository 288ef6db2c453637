using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.Contracts.Persons;

/// <summary>
/// An administrator (or the retention schedule) erased a person from the register: their data key was destroyed, so
/// their fields can no longer be read anywhere, while the records that count them keep counting. Holds no personal data.
/// </summary>
/// <param name="ErasedBy">The administrator's institution; <see cref="Guid.Empty"/> for the retention schedule.</param>
/// <param name="ByRetention">True when the retention schedule erased the person.</param>
public sealed record PersonErased(Guid PersonId, string Reason, string LegalBasis, Guid ErasedBy, bool ByRetention = false);

/// <summary>Body of <c>POST /api/v1/persons/{personId}/erasure</c>.</summary>
/// <param name="Reason">Why the person is erased (a request under PIPL Art. 47, the end of their retention …); no personal data.</param>
/// <param name="LegalBasis">The provision the erasure rests on (<c>PIPL Art. 47(1)</c>).</param>
public sealed record ErasePerson(string? Reason, string? LegalBasis);

/// <summary>A person's fields as the caller may see them.</summary>
/// <param name="Id">The person's opaque id in the register.</param>
/// <param name="Name">The name, <see cref="ErasedText"/> once erased, null when the caller may not see it or none was given.</param>
/// <param name="Contact">The contact, as <paramref name="Name"/>.</param>
/// <param name="Erased">True once the person was erased: their fields are gone for good.</param>
/// <param name="SubjectKey">The key a unit designated the person under, as <paramref name="Name"/>.</param>
public sealed record PersonDto(Guid Id, string? Name, string? Contact, bool Erased, string? SubjectKey = null)
{
    /// <summary>What every read shows for a field of an erased person.</summary>
    public const string ErasedText = "已删除 / erased";
}

/// <summary>Answer of <c>POST /api/v1/persons/{personId}/erasure</c>.</summary>
public sealed record PersonErasureDto(Guid PersonId, DateTimeOffset ErasedAt, string Reason, string LegalBasis, bool ByRetention);

/// <summary>
/// Everything the register holds on a person, decrypted (<c>GET /api/v1/persons/{personId}/export</c>): their fields, the
/// keyed hash of their ID number, what they were registered as and by whom, and the records that name them.
/// </summary>
/// <param name="IdNumberHash">The keyed hash of a volunteer's ID number (the number itself is never kept).</param>
/// <param name="SubjectKey">The key a unit designated the person under (a teacher's staff number …).</param>
public sealed record PersonExportDto(
    Guid PersonId,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> RegisteredBy,
    string? Name,
    string? Contact,
    string? IdNumberHash,
    string? SubjectKey,
    VolunteerDto? Volunteer,
    IReadOnlyList<DesignationDto> Designations,
    PersonErasureDto? Erasure);

/// <summary>A person the retention schedule erases (or, in a dry run, would erase).</summary>
/// <param name="Role">What the person was registered as (<c>volunteer</c>).</param>
/// <param name="LeftOn">The day the last registration of the person ended.</param>
/// <param name="RetainedUntil">The last day the person is kept.</param>
public sealed record RetentionItemDto(Guid PersonId, string Role, DateOnly LeftOn, DateOnly RetainedUntil);

/// <summary>A piece of evidence past its <c>expiresOn</c> that the retention schedule lets go (or, in a dry run, would).</summary>
public sealed record EvidenceExpiryDto(Guid ActivityId, Guid EvidenceId, DateOnly ExpiresOn);

/// <summary>Answer of the retention report and run.</summary>
/// <param name="DryRun">True: nothing was erased, <see cref="Due"/> is what a run would erase today.</param>
/// <param name="VolunteerYears">How many years after their last registration ended volunteers are kept.</param>
/// <param name="Evidence">Evidence past its <c>expiresOn</c> whose expiry is not recorded yet.</param>
/// <param name="EvidenceExpired">How many expiries of evidence the run recorded.</param>
public sealed record RetentionReportDto(
    bool DryRun,
    DateOnly Today,
    int VolunteerYears,
    IReadOnlyList<RetentionItemDto> Due,
    int Erased,
    IReadOnlyList<EvidenceExpiryDto>? Evidence = null,
    int EvidenceExpired = 0);
