using System.Collections.Concurrent;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Plan;

/// <summary>The plan catalog this service runs with, indexed for the lookups that validation and the projections make.</summary>
public sealed class CurrentPlan
{
    private readonly Dictionary<string, PlanMeasure> _measures;
    private readonly Dictionary<string, ActivityKind> _kinds;
    private readonly Dictionary<string, PlanTarget> _targets;
    private readonly Dictionary<string, ResponsibleUnit> _units;

    public CurrentPlan(PlanCatalog catalog, string contentHash, string source)
    {
        Catalog = catalog;
        ContentHash = contentHash;
        Source = source;
        _measures = catalog.Measures.ToDictionary(m => m.Code, StringComparer.Ordinal);
        _kinds = catalog.ActivityKinds.ToDictionary(k => k.Code, StringComparer.Ordinal);
        _targets = catalog.Targets.ToDictionary(t => t.Code, StringComparer.Ordinal);
        _units = catalog.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
    }

    public PlanCatalog Catalog { get; }

    public string ContentHash { get; }

    public string Source { get; }

    public PlanPeriod Period => Catalog.Period;

    /// <summary>The unit that coordinates the whole plan, if the catalog names one.</summary>
    public string? CoordinatingUnit => Catalog.CoordinatingUnit;

    public bool HasMeasure(string code) => _measures.ContainsKey(code);

    public bool HasKind(string code) => _kinds.ContainsKey(code);

    public bool HasUnit(string code) => _units.ContainsKey(code);

    public PlanMeasure? Measure(string code) => _measures.GetValueOrDefault(code);

    public ActivityKind? Kind(string code) => _kinds.GetValueOrDefault(code);

    public PlanTarget? Target(string code) => _targets.GetValueOrDefault(code);

    /// <summary>The units that lead a measure.</summary>
    public IReadOnlyList<string> LeadUnits(string measureCode) => Measure(measureCode)?.LeadUnits ?? [];

    /// <summary>
    /// Whether a unit (by its plan code) decides on reports filed under these measures: it leads one of them, or it
    /// coordinates the whole plan.
    /// </summary>
    public bool MayDecide(string? unitCode, IEnumerable<string> measureCodes) =>
        unitCode is not null && (unitCode == CoordinatingUnit || measureCodes.Any(m => LeadUnits(m).Contains(unitCode)));

    /// <summary>The measures whose reports a unit decides on: those it leads, or every measure for the coordinating unit.</summary>
    public IReadOnlyList<string> MeasuresDecidedBy(string unitCode) =>
        unitCode == CoordinatingUnit ? Catalog.Measures.Select(m => m.Code).ToList() : MeasuresLedBy(unitCode);

    /// <summary>The measures a unit is responsible for, as a lead or a participating unit.</summary>
    public IReadOnlyList<string> MeasuresOf(string unitCode) =>
        Catalog.Measures.Where(m => m.LeadUnits.Contains(unitCode) || m.ParticipatingUnits.Contains(unitCode)).Select(m => m.Code).ToList();

    public IReadOnlyList<string> MeasuresParticipatedBy(string unitCode) =>
        Catalog.Measures.Where(m => m.ParticipatingUnits.Contains(unitCode) && !m.LeadUnits.Contains(unitCode)).Select(m => m.Code).ToList();

    /// <summary>The person-times above which one report of the kind is held for review; null when the kind has no ceiling.</summary>
    public int? PersonTimesCeiling(string kindCode) => Kind(kindCode)?.PersonTimesCeiling;

    public IEnumerable<PlanTarget> TargetsOfKind(params TargetKind[] kinds) => Catalog.Targets.Where(t => kinds.Contains(t.Kind));

    /// <summary>Targets that count (or show beside them) activities of some kinds.</summary>
    public IEnumerable<PlanTarget> ActivityTargets => Catalog.Targets.Where(t => t.Counting.ActivityKinds is { Count: > 0 });

    public IEnumerable<PlanTarget> DesignationTargets(Contracts.Designations.DesignationKind kind) =>
        Catalog.Targets.Where(t => t.Counting.DesignationKind == Codes.Of(kind));

    public IReadOnlyList<string> MeasuresLedBy(string unitCode) =>
        Catalog.Measures.Where(m => m.LeadUnits.Contains(unitCode)).Select(m => m.Code).ToList();

    /// <summary>The subjects a backbone teacher may be designated in: the science and related subjects the targets list.</summary>
    public IEnumerable<TeachingSubject> TeachingSubjects =>
        Catalog.Targets.SelectMany(t => t.Counting.TeachingSubjects ?? []).DistinctBy(s => s.Code);

    private static readonly ConcurrentDictionary<string, CurrentPlan> Published = new(StringComparer.Ordinal);

    /// <summary>A published version's catalog indexed for lookups, built once per content hash.</summary>
    public static CurrentPlan Of(PlanCatalog catalog, string contentHash, string source) =>
        Published.GetOrAdd(contentHash, _ => new CurrentPlan(catalog, contentHash, source));

    public static CurrentPlan Load(string path)
    {
        var reading = PlanCatalogReader.Read(File.ReadAllBytes(path));
        if (!reading.IsValid)
        {
            throw new InvalidDataException($"The plan catalog {path} is not valid:\n  " + string.Join("\n  ", reading.Problems));
        }

        return new CurrentPlan(reading.Catalog!, reading.ContentHash, Path.GetFileName(path));
    }
}
