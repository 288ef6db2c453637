namespace Gulou.Events.Contracts.Institutions;

/// <summary>Body of <c>POST /api/v1/institutions</c>. <see cref="SchoolStages"/>: for a school, the stages it teaches.</summary>
public sealed record RegisterInstitution(
    string Name,
    InstitutionKind? Kind,
    Role? Role,
    string? UnitCode = null,
    IReadOnlyList<string>? LeadsMeasures = null,
    IReadOnlyList<SchoolStage>? SchoolStages = null);

/// <summary>Body of <c>POST /api/v1/institutions/{id}/keys</c> (optional).</summary>
public sealed record IssueKey(string? Label = null);
