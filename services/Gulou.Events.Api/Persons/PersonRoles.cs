using Gulou.Events.Contracts.Designations;

namespace Gulou.Events.Api.Persons;

/// <summary>What a person is registered as, and the bounds of their fields.</summary>
public static class PersonRoles
{
    public const string Volunteer = "volunteer";

    /// <summary>Designations of a person, whose name and key the register keeps: backbone teachers and model workers' studios (named after their head).</summary>
    public static bool IsPerson(DesignationKind kind) => kind is DesignationKind.BackboneTeacher or DesignationKind.ModelWorkerStudio;

    public static string Of(DesignationKind kind) => kind == DesignationKind.BackboneTeacher ? "backbone_teacher" : "model_worker_studio";
}

public static class PersonFieldRules
{
    public const int MaxName = 200;
    public const int MaxContact = 200;
}
