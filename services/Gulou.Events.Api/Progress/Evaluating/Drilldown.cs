using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Evaluating;

/// <summary>
/// The address of the records behind a figure. A list of activities is filtered by the rules of the plan the figure
/// belongs to: its address names that plan (<c>plan=</c>), so that a figure of one plan never drills into another's.
/// </summary>
public static class Drilldown
{
    private const string Activities = "/api/v1/activities";

    public static string ForTarget(PlanTarget target, int? year, string? plan = null) => target.Kind switch
    {
        TargetKind.AnnualSum => year is null ? $"{Activities}?target={target.Code}{Plan(plan)}" : $"{Activities}?target={target.Code}&year={year}{Plan(plan)}",
        TargetKind.CumulativeDistinctInstitutions => year is null ? $"{Activities}?target={target.Code}{Plan(plan)}" : $"{Activities}?target={target.Code}&toYear={year}{Plan(plan)}",
        TargetKind.CumulativeDistinctDesignations => year is null ? $"/api/v1/designations?target={target.Code}" : $"/api/v1/designations?target={target.Code}&year={year}",
        TargetKind.CumulativeDistinctPersons => year is null ? "/api/v1/volunteers" : $"/api/v1/volunteers?year={year}",
        TargetKind.AnnualCoverage => ForSchools(target.Code, year ?? target.Period.To, covered: false, plan),
        _ => $"/api/v1/indicators/{target.Code}/observations",
    };

    public static string ForMeasure(string measure, int? year, string? plan = null) => $"{Activities}?measure={measure}{Year(year)}&counted=official{Plan(plan)}";

    public static string ForUnit(string unit, int? year, string? plan = null) => $"{Activities}?unit={unit}{Year(year)}&counted=official{Plan(plan)}";

    public static string ForInstitution(Guid institution, string? measure, int? year, string? plan = null) =>
        $"{Activities}?institution={institution}{(measure is null ? "" : $"&measure={measure}")}{Year(year)}&counted=official{Plan(plan)}";

    /// <summary>The register's schools a coverage target reached (or did not) in a year.</summary>
    public static string ForSchools(string target, int year, bool covered, string? plan = null) =>
        $"/api/v1/schools?target={target}&year={year}&covered={(covered ? "true" : "false")}{Plan(plan)}";

    /// <summary>The activities of a coverage target's year that reached one school.</summary>
    public static string ForSchool(string target, Guid school, int year, string? plan = null) => $"{Activities}?target={target}&year={year}&involving={school}{Plan(plan)}";

    private static string Year(int? year) => year is null ? "" : $"&year={year}";

    private static string Plan(string? plan) => plan is null ? "" : $"&plan={Uri.EscapeDataString(plan)}";
}
