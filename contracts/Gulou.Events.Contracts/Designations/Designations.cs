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
public sealed record SubjectDesignated(
    Guid DesignationId,
    DesignationKind Kind,
    string SubjectKey,
    string SubjectName,
    DesignationLevel Level,
    DateOnly AwardedOn,
    Guid UnitId);

/// <summary>A designation was withdrawn, at one level or (when <see cref="Level"/> is null) at every level.</summary>
public sealed record DesignationRevoked(Guid DesignationId, DesignationLevel? Level, string Reason, DateOnly RevokedOn, Guid UnitId);

/// <summary>Body of <c>POST /api/v1/designations</c>.</summary>
public sealed record RecordDesignation(
    DesignationKind? Kind,
    string SubjectKey,
    DesignationLevel? Level,
    DateOnly? AwardedOn,
    string? SubjectName = null);

/// <summary>Body of <c>POST /api/v1/designations/{id}/revocation</c>.</summary>
public sealed record RevokeDesignation(string Reason, DateOnly? RevokedOn, DesignationLevel? Level = null);

public sealed record DesignationDto(
    Guid Id,
    DesignationKind Kind,
    string SubjectKey,
    string SubjectName,
    IReadOnlyList<AwardDto> Awards,
    long Version);

public sealed record AwardDto(DesignationLevel Level, DateOnly AwardedOn, Guid UnitId, DateOnly? RevokedOn, string? RevocationReason);
