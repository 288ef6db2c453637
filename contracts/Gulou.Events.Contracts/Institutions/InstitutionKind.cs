namespace Gulou.Events.Contracts.Institutions;

/// <summary>What sort of body an institution is. Serialised in snake_case (<c>research_institute</c>).</summary>
public enum InstitutionKind
{
    University,
    ResearchInstitute,
    School,
    Enterprise,
    Hospital,
    Community,
    ScienceBase,
    SocialOrganization,
    Media,
    Government,
    Other,
}
