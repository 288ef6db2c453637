using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Contracts.Cities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Cities.Reading;

/// <summary>One district's evaluation: its plan and its own progress answer, or neither when it runs no such plan.</summary>
public sealed record DistrictEvaluation(string District, CurrentPlan? Plan, ProgressOverview? Overview);

/// <summary>
/// Puts the districts' own progress answers side by side, target by target, and sums a target over the city only
/// when every district runs it with the same kind, unit, comparison, period and counting, and its kind adds up across
/// districts (see docs/counting.md, "A city's figures"). Pure: the figures are the districts' answers, unchanged.
/// </summary>
public static class CityTargets
{
    public const string NotInEveryDistrict = "not_in_every_district";
    public const string DiffersBetweenDistricts = "differs_between_districts";
    public const string NotAdditive = "not_additive";

    /// <summary>
    /// Kinds whose district figures add up to the city's: each activity, institution and designated subject is
    /// recorded in one district only.
    /// </summary>
    public static bool IsAdditive(TargetKind kind) =>
        kind is TargetKind.AnnualSum or TargetKind.CumulativeDistinctInstitutions or TargetKind.CumulativeDistinctDesignations;

    public static IReadOnlyList<CityTargetDto> Combine(IReadOnlyList<DistrictEvaluation> districts)
    {
        var codes = districts.Where(d => d.Plan is not null).SelectMany(d => d.Plan!.Catalog.Targets.Select(t => t.Code)).Distinct(StringComparer.Ordinal).ToList();
        return codes.Select(code => Combine(code, districts)).ToList();
    }

    private static CityTargetDto Combine(string code, IReadOnlyList<DistrictEvaluation> districts)
    {
        var rows = districts
            .Where(d => d.Plan?.Target(code) is not null)
            .Select(d => (d.District, Target: d.Plan!.Target(code)!, Progress: d.Overview!.Targets.Single(t => t.Code == code)))
            .ToList();
        var first = rows[0].Target;
        var lines = rows.Select(r => new CityDistrictTargetDto(
                r.District, r.Progress.Kind, r.Progress.Unit, r.Progress.TargetValue, r.Progress.Actual, r.Progress.VerifiedActual, r.Progress.Share,
                r.Progress.Status, r.Progress.Forecast))
            .ToList();

        var (reason, why) = WhyNotSummed(code, districts, rows.Select(r => (r.District, r.Target)).ToList());
        if (reason is not null)
        {
            return new CityTargetDto(code, first.Measure, Codes.Of(first.Kind), first.Unit, false, reason, why, null, null, null, null, lines);
        }

        var value = rows.Sum(r => r.Progress.TargetValue);
        var actual = rows.Sum(r => r.Progress.Actual);
        return new CityTargetDto(
            code, first.Measure, Codes.Of(first.Kind), first.Unit, true, null, null,
            value, actual, rows.Sum(r => r.Progress.VerifiedActual), TargetEvaluation.Share(first.Comparison, value, actual), lines);
    }

    private static (string? Reason, string? Why) WhyNotSummed(string code, IReadOnlyList<DistrictEvaluation> districts, List<(string District, PlanTarget Target)> rows)
    {
        var missing = districts.Where(d => d.Plan?.Target(code) is null).Select(d => d.District).ToList();
        if (missing.Count > 0)
        {
            return (NotInEveryDistrict, $"Not a target of the plan of {string.Join(", ", missing)}.");
        }

        foreach (var (aspect, read) in Aspects)
        {
            var values = rows.Select(r => (r.District, Value: read(r.Target))).ToList();
            if (values.Select(v => v.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                return (DiffersBetweenDistricts, $"Its {aspect} differs between districts ({string.Join("; ", values.Select(v => $"{v.District}: {v.Value}"))}).");
            }
        }

        var kind = rows[0].Target.Kind;
        return IsAdditive(kind) ? (null, null) : (NotAdditive, kind switch
        {
            TargetKind.Indicator => "A survey ratio of each district's own population: ratios do not add up.",
            TargetKind.AnnualCoverage => "A share of each district's own registered schools: shares do not add up.",
            TargetKind.Ranking => "Each district's rank among the districts: ranks do not add up.",
            TargetKind.CumulativeDistinctPersons => "Distinct persons within each district: a person serving in two districts would be counted twice.",
            _ => "Its figures do not add up across districts.",
        });
    }

    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    private static readonly (string Aspect, Func<PlanTarget, string> Read)[] Aspects =
    [
        ("kind", t => Codes.Of(t.Kind)),
        ("unit", t => t.Unit),
        ("comparison", t => Codes.Of(t.Comparison)),
        ("period", t => $"{t.Period.From}-{t.Period.To}"),
        ("counting", t => JsonSerializer.Serialize(t.Counting, Json)),
    ];
}
