using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Progress.Evaluating;

/// <summary>The address of the records behind a figure.</summary>
public static class Drilldown
{
    private const string Activities = "/api/v1/activities";

    public static string ForTarget(PlanTarget target, int? year) => target.Kind switch
    {
        TargetKind.AnnualSum => year is null ? $"{Activities}?target={target.Code}" : $"{Activities}?target={target.Code}&year={year}",
        TargetKind.CumulativeDistinctInstitutions => year is null ? $"{Activities}?target={target.Code}" : $"{Activities}?target={target.Code}&toYear={year}",
        TargetKind.CumulativeDistinctDesignations => year is null ? $"/api/v1/designations?target={target.Code}" : $"/api/v1/designations?target={target.Code}&year={year}",
        TargetKind.CumulativeDistinctPersons => year is null ? "/api/v1/volunteers" : $"/api/v1/volunteers?year={year}",
        _ => $"/api/v1/indicators/{target.Code}/observations",
    };

    public static string ForMeasure(string measure, int? year) => $"{Activities}?measure={measure}{Year(year)}&counted=official";

    public static string ForUnit(string unit, int? year) => $"{Activities}?unit={unit}{Year(year)}&counted=official";

    public static string ForInstitution(Guid institution, string? measure, int? year) =>
        $"{Activities}?institution={institution}{(measure is null ? "" : $"&measure={measure}")}{Year(year)}&counted=official";

    private static string Year(int? year) => year is null ? "" : $"&year={year}";
}
