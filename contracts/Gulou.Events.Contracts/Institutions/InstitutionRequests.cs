namespace Gulou.Events.Contracts.Institutions;

/// <summary>Body of <c>POST /api/v1/institutions</c>.</summary>
public sealed record RegisterInstitution(
    string Name,
    InstitutionKind? Kind,
    Role? Role,
    string? UnitCode = null,
    IReadOnlyList<string>? LeadsMeasures = null);

/// <summary>Body of <c>POST /api/v1/institutions/{id}/keys</c> (optional).</summary>
public sealed record IssueKey(string? Label = null);
