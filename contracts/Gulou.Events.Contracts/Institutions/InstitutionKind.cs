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

/// <summary>The stages a school teaches, as the plan's 中小学 reads them. Serialised in snake_case (<c>junior_secondary</c>).</summary>
public enum SchoolStage
{
    /// <summary>小学.</summary>
    Primary,

    /// <summary>初中.</summary>
    JuniorSecondary,

    /// <summary>高中.</summary>
    SeniorSecondary,
}
