using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Contracts.Designations;

/// <summary>What a responsible unit awards. Serialised in snake_case (<c>certified_community</c>).</summary>
public enum DesignationKind
{
    /// <summary>A science-popularization standardized community (科普标准化社区).</summary>
    CertifiedCommunity,

    /// <summary>A science education base (科普教育基地).</summary>
    ScienceBase,

    /// <summary>A model-worker studio (劳模工作室).</summary>
    ModelWorkerStudio,

    /// <summary>A district backbone teacher of science (区级骨干教师).</summary>
    BackboneTeacher,
}

public enum DesignationLevel
{
    District,
    City,
    Province,
    National,
}

/// <summary>A unit awarded a designation to a subject (a community, a base, a studio, a teacher) at a level.</summary>
/// <param name="SubjectKey">The subject's stable key: community code, base name, person key …</param>
/// <param name="TeachingSubject">A backbone teacher's subject (a code of the plan's science and related subjects); absent
/// from designations recorded before subjects were asked for.</param>
/// <param name="PersonId">For a designation of a person (a backbone teacher, a model worker's studio), the person's id in
/// the register, which keeps their name and key encrypted; <see cref="SubjectKey"/> and <see cref="SubjectName"/> then
/// hold that id too. Absent from designations recorded before the register.</param>
public sealed record SubjectDesignated(
    Guid DesignationId,
    DesignationKind Kind,
    string SubjectKey,
    string SubjectName,
    DesignationLevel Level,
    DateOnly AwardedOn,
    Guid UnitId,
    string? TeachingSubject = null,
    Guid? PersonId = null);

/// <summary>A designation was withdrawn, at one level or (when <see cref="Level"/> is null) at every level.</summary>
/// <param name="ForCause">True when the designation was withdrawn for cause (it should not have been awarded, or its holder
/// failed a review); false when it simply ended (a term ran out, a teacher moved away). Absent from revocations recorded
/// before the distinction was made, which are read as for cause: they took the subject out of every figure.</param>
public sealed record DesignationRevoked(Guid DesignationId, DesignationLevel? Level, string Reason, DateOnly RevokedOn, Guid UnitId, bool? ForCause = null);

/// <summary>A unit other than the one that recorded them verified the awards of a subject at one level (or at every level when <see cref="Level"/> is null).</summary>
public sealed record DesignationVerified(Guid DesignationId, DesignationLevel? Level, Guid UnitId, string? Note);

/// <summary>A unit other than the one that recorded them rejected the awards of a subject at one level (or at every level): they no longer count.</summary>
public sealed record DesignationRejected(Guid DesignationId, DesignationLevel? Level, Guid UnitId, string Reason);

/// <summary>Body of <c>POST /api/v1/designations</c>.</summary>
/// <param name="TeachingSubject">Required for a backbone teacher: one of the plan's science and related subjects (<c>physics</c>).</param>
public sealed record RecordDesignation(
    DesignationKind? Kind,
    string SubjectKey,
    DesignationLevel? Level,
    DateOnly? AwardedOn,
    string? SubjectName = null,
    string? TeachingSubject = null);

/// <summary>Body of <c>POST /api/v1/designations/{id}/revocation</c>.</summary>
/// <param name="ForCause">Whether the designation is withdrawn for cause (the default) or simply ended (<c>false</c>).</param>
public sealed record RevokeDesignation(string Reason, DateOnly? RevokedOn, DesignationLevel? Level = null, bool? ForCause = null);

/// <summary>Body of <c>POST /api/v1/designations/{id}/verification</c>: the decision on the awards at <see cref="Level"/>, or on every award.</summary>
public sealed record VerifyDesignation(VerificationDecision? Decision, string? Reason = null, DesignationLevel? Level = null) : IVerificationRequest;

public sealed record DesignationDto(
    Guid Id,
    DesignationKind Kind,
    string SubjectKey,
    string SubjectName,
    IReadOnlyList<AwardDto> Awards,
    long Version,
    string? TeachingSubject = null,
    Guid? PersonId = null);

/// <param name="RevokedForCause">Whether a revocation was for cause (see <see cref="DesignationRevoked.ForCause"/>).</param>
/// <param name="Verification">The decision of a unit on this award, or null while none was made.</param>
public sealed record AwardDto(
    DesignationLevel Level,
    DateOnly AwardedOn,
    Guid UnitId,
    DateOnly? RevokedOn,
    string? RevocationReason,
    bool? RevokedForCause = null,
    VerificationDto? Verification = null);
