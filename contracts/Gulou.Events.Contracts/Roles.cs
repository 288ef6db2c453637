namespace Gulou.Events.Contracts;

/// <summary>What an institution's keys may do.</summary>
public enum Role
{
    /// <summary>A partner institution (合作单位): reports its own activities.</summary>
    Partner,

    /// <summary>A responsible unit (责任单位): verifies reports under the measures it leads, records designations and indicators.</summary>
    Unit,

    /// <summary>An auditor (督查/审计): reads everything, changes nothing.</summary>
    Auditor,

    /// <summary>An administrator: registers institutions, issues and revokes keys.</summary>
    Admin,
}
