namespace Gulou.Events.Contracts.Institutions;

/// <summary>An administrator registered an institution or a responsible unit.</summary>
/// <param name="UnitCode">For a responsible unit, its code in the plan catalog (<c>CAST</c>, <c>EDU</c> …).</param>
/// <param name="LeadsMeasures">For a responsible unit, the measures whose reports it verifies.</param>
/// <param name="SchoolStages">For a school, the stages it teaches; registrations recorded before stages were kept lack them.</param>
public sealed record InstitutionRegistered(
    Guid InstitutionId,
    string Name,
    InstitutionKind Kind,
    Role Role,
    string? UnitCode,
    IReadOnlyList<string> LeadsMeasures,
    IReadOnlyList<SchoolStage>? SchoolStages = null);

/// <summary>An access key was issued to an institution, with the institution's role. Only a SHA-256 hash of the key is recorded.</summary>
public sealed record ApiKeyIssued(Guid KeyId, Guid InstitutionId, Role Role, string SecretHash, string? Label);

/// <summary>An access key was revoked; it authenticates nothing from then on.</summary>
public sealed record ApiKeyRevoked(Guid KeyId, Guid InstitutionId, string? Reason);
