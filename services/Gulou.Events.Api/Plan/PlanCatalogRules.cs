using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Plan;

/// <summary>
/// What a catalog must satisfy before the service will run with it: every code it refers to exists, and every
/// target says how it reads its sentence of the plan where the sentence leaves room for two readings.
/// </summary>
public static class PlanCatalogRules
{
    public static IReadOnlyList<string> Check(PlanCatalog catalog)
    {
        var problems = new List<string>();
        var measures = catalog.Measures.Select(m => m.Code).ToHashSet();
        var units = catalog.Units.Select(u => u.Code).ToHashSet();
        var sections = catalog.Sections.Select(s => s.Code).ToHashSet();

        Duplicates(catalog.Measures.Select(m => m.Code), "measure", problems);
        Duplicates(catalog.Units.Select(u => u.Code), "unit", problems);
        Duplicates(catalog.Sections.Select(s => s.Code), "section", problems);
        Duplicates(catalog.Targets.Select(t => t.Code), "target", problems);
        Duplicates(catalog.ActivityKinds.Select(k => k.Code), "activity kind", problems);

        if (catalog.CoordinatingUnit is { } coordinator && !units.Contains(coordinator))
        {
            problems.Add($"the coordinating unit {coordinator} does not exist");
        }

        foreach (var section in catalog.Sections)
        {
            Unknown(section.Measures, measures, $"section {section.Code} lists measure", problems);
            Unknown(section.LeadUnits.Concat(section.ParticipatingUnits), units, $"section {section.Code} names unit", problems);
        }

        foreach (var measure in catalog.Measures)
        {
            if (!sections.Contains(measure.Section))
            {
                problems.Add($"measure {measure.Code} belongs to unknown section {measure.Section}");
            }

            if (measure.LeadUnits.Count == 0)
            {
                problems.Add($"measure {measure.Code} has no lead unit");
            }

            Unknown(measure.LeadUnits.Concat(measure.ParticipatingUnits), units, $"measure {measure.Code} names unit", problems);
        }

        foreach (var target in catalog.Targets)
        {
            if (target.Measure is not null && !measures.Contains(target.Measure))
            {
                problems.Add($"target {target.Code} belongs to unknown measure {target.Measure}");
            }

            if (target.Counting.ActivityKinds is { } kinds)
            {
                Unknown(kinds, catalog.ActivityKinds.Select(k => k.Code).ToHashSet(), $"target {target.Code} counts kind", problems);
            }

            if (target.Counting.Audience is { } audience && !AudienceGroups.All.Contains(audience))
            {
                problems.Add($"target {target.Code} counts audience {audience}, which does not exist");
            }

            var stages = Enum.GetValues<SchoolStage>().Select(Codes.Of).ToHashSet();
            Unknown(target.Counting.SchoolStages ?? [], stages, $"target {target.Code} counts school stage", problems);
            if (target.Kind == TargetKind.AnnualCoverage && (target.Counting.SchoolStages is not { Count: > 0 } || target.Counting.ActivityKinds is not { Count: > 0 }))
            {
                problems.Add($"coverage target {target.Code} names no school stages or no activity kinds");
            }

            Unknown(target.Counting.ObservedBy ?? [], units, $"target {target.Code} is observed by unit", problems);
            CheckReading(target, problems);
            CheckRanking(target, catalog.Targets, problems);
            if (target.Counting.TeachingSubjects is { } subjects)
            {
                if (target.Counting.DesignationKind != Codes.Of(Contracts.Designations.DesignationKind.BackboneTeacher))
                {
                    problems.Add($"target {target.Code} lists teaching subjects but does not count backbone teachers");
                }

                Duplicates(subjects.Select(s => s.Code), $"target {target.Code} teaching subject", problems);
            }
        }

        foreach (var kind in catalog.ActivityKinds)
        {
            Unknown(kind.DefaultMeasures, measures, $"activity kind {kind.Code} defaults to measure", problems);
            if (kind.PersonTimesCeiling is <= 0)
            {
                problems.Add($"activity kind {kind.Code} has a person-times ceiling of {kind.PersonTimesCeiling}; a ceiling is positive");
            }
        }

        CheckReviewData(catalog, problems);
        return problems;
    }

    /// <summary>Targets of designated subjects and of persons state their reading; no other target has one.</summary>
    private static void CheckReading(PlanTarget target, List<string> problems)
    {
        var needsReading = target.Kind is TargetKind.CumulativeDistinctDesignations or TargetKind.CumulativeDistinctPersons;
        if (needsReading && target.Counting.Reading is null)
        {
            problems.Add($"target {target.Code} does not state its reading (new_in_period or standing)");
        }
        else if (!needsReading && target.Counting.Reading is not null)
        {
            problems.Add($"target {target.Code} states a reading, which only designation and persons targets have");
        }
    }

    /// <summary>A ranking is met at or above its rank, ranks among a city's or a province's districts, and is read beside another target.</summary>
    private static void CheckRanking(PlanTarget target, IReadOnlyList<PlanTarget> targets, List<string> problems)
    {
        var ranking = target.Kind == TargetKind.Ranking;
        if (ranking != (target.Comparison == TargetComparison.AtMost))
        {
            problems.Add($"target {target.Code}: a ranking, and only a ranking, compares at_most");
        }

        if (ranking && (target.Counting.RankedAmong is null || target.Value < 1 || target.Value != decimal.Truncate(target.Value)))
        {
            problems.Add($"target {target.Code}: a ranking names whose districts it ranks among and a whole rank of at least 1");
        }

        if (!ranking && (target.Counting.RankedAmong is not null || target.Counting.HeldThroughout))
        {
            problems.Add($"target {target.Code} is not a ranking but says how it ranks");
        }

        if (target.Beside is { } beside && !targets.Any(t => t.Code == beside && t.Code != target.Code && t.Beside is null))
        {
            problems.Add($"target {target.Code} is read beside {beside}, which is not another target of the plan");
        }
    }

    /// <summary>The reporting deadline is a day every year has; each activity kind falls in one statistics column at most.</summary>
    private static void CheckReviewData(PlanCatalog catalog, List<string> problems)
    {
        if (catalog.ReportingDeadline is { } deadline && (deadline.Month is < 1 or > 12 || deadline.Day < 1 || deadline.Day > DateTime.DaysInMonth(2023, deadline.Month)))
        {
            problems.Add($"the reporting deadline {deadline.Month}-{deadline.Day} is not a day of every year");
        }

        var columns = catalog.StatisticsColumns ?? [];
        var kinds = catalog.ActivityKinds.Select(k => k.Code).ToHashSet();
        Duplicates(columns.Select(c => c.Code), "statistics column", problems);
        Duplicates(columns.SelectMany(c => c.Kinds), "activity kind in the statistics columns", problems);
        foreach (var column in columns)
        {
            Unknown(column.Kinds, kinds, $"statistics column {column.Code} counts kind", problems);
        }

        if (columns.Count(c => c.Others) > 1)
        {
            problems.Add("more than one statistics column takes the other kinds");
        }
    }

    private static void Duplicates(IEnumerable<string> codes, string what, List<string> problems) =>
        problems.AddRange(codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{what} code {g.Key} appears {g.Count()} times"));

    private static void Unknown(IEnumerable<string> codes, HashSet<string> known, string what, List<string> problems) =>
        problems.AddRange(codes.Where(c => !known.Contains(c)).Select(c => $"{what} {c}, which does not exist"));
}
