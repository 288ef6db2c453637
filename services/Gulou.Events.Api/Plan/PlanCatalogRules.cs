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
    public static IReadOnlyList<string> Check(PlanCatalog catalog) => CheckAt(catalog).Select(p => p.Message).ToList();

    /// <summary>The same checks, each problem with the JSON path of the member it concerns.</summary>
    public static IReadOnlyList<CatalogProblem> CheckAt(PlanCatalog catalog)
    {
        var problems = new Problems();
        var measures = catalog.Measures.Select(m => m.Code).ToHashSet();
        var units = catalog.Units.Select(u => u.Code).ToHashSet();
        var sections = catalog.Sections.Select(s => s.Code).ToHashSet();

        Duplicates(catalog.Measures.Select(m => m.Code), "$.measures", "measure", problems);
        Duplicates(catalog.Units.Select(u => u.Code), "$.units", "unit", problems);
        Duplicates(catalog.Sections.Select(s => s.Code), "$.sections", "section", problems);
        Duplicates(catalog.Targets.Select(t => t.Code), "$.targets", "target", problems);
        Duplicates(catalog.ActivityKinds.Select(k => k.Code), "$.activityKinds", "activity kind", problems);

        if (catalog.CoordinatingUnit is { } coordinator && !units.Contains(coordinator))
        {
            problems.Add("$.coordinatingUnit", $"the coordinating unit {coordinator} does not exist");
        }

        foreach (var (section, i) in catalog.Sections.Select((s, i) => (s, i)))
        {
            var at = $"$.sections[{i}]";
            Unknown(section.Measures, measures, $"{at}.measures", $"section {section.Code} lists measure", problems);
            Unknown(section.LeadUnits, units, $"{at}.leadUnits", $"section {section.Code} names unit", problems);
            Unknown(section.ParticipatingUnits, units, $"{at}.participatingUnits", $"section {section.Code} names unit", problems);
        }

        foreach (var (measure, i) in catalog.Measures.Select((m, i) => (m, i)))
        {
            var at = $"$.measures[{i}]";
            if (!sections.Contains(measure.Section))
            {
                problems.Add($"{at}.section", $"measure {measure.Code} belongs to unknown section {measure.Section}");
            }

            if (measure.LeadUnits.Count == 0)
            {
                problems.Add($"{at}.leadUnits", $"measure {measure.Code} has no lead unit");
            }

            Unknown(measure.LeadUnits, units, $"{at}.leadUnits", $"measure {measure.Code} names unit", problems);
            Unknown(measure.ParticipatingUnits, units, $"{at}.participatingUnits", $"measure {measure.Code} names unit", problems);
        }

        foreach (var (target, i) in catalog.Targets.Select((t, i) => (t, i)))
        {
            var at = $"$.targets[{i}]";
            if (target.Measure is not null && !measures.Contains(target.Measure))
            {
                problems.Add($"{at}.measure", $"target {target.Code} belongs to unknown measure {target.Measure}");
            }

            if (target.Counting.ActivityKinds is { } kinds)
            {
                Unknown(kinds, catalog.ActivityKinds.Select(k => k.Code).ToHashSet(), $"{at}.counting.activityKinds", $"target {target.Code} counts kind", problems);
            }

            if (target.Counting.Audience is { } audience && !AudienceGroups.All.Contains(audience))
            {
                problems.Add($"{at}.counting.audience", $"target {target.Code} counts audience {audience}, which does not exist");
            }

            var stages = Enum.GetValues<SchoolStage>().Select(Codes.Of).ToHashSet();
            Unknown(target.Counting.SchoolStages ?? [], stages, $"{at}.counting.schoolStages", $"target {target.Code} counts school stage", problems);
            if (target.Kind == TargetKind.AnnualCoverage && (target.Counting.SchoolStages is not { Count: > 0 } || target.Counting.ActivityKinds is not { Count: > 0 }))
            {
                problems.Add($"{at}.counting", $"coverage target {target.Code} names no school stages or no activity kinds");
            }

            Unknown(target.Counting.ObservedBy ?? [], units, $"{at}.counting.observedBy", $"target {target.Code} is observed by unit", problems);
            CheckReading(target, at, problems);
            CheckRanking(target, at, catalog.Targets, problems);
            if (target.Counting.TeachingSubjects is { } subjects)
            {
                if (target.Counting.DesignationKind != Codes.Of(Contracts.Designations.DesignationKind.BackboneTeacher))
                {
                    problems.Add($"{at}.counting.teachingSubjects", $"target {target.Code} lists teaching subjects but does not count backbone teachers");
                }

                Duplicates(subjects.Select(s => s.Code), $"{at}.counting.teachingSubjects", $"target {target.Code} teaching subject", problems);
            }
        }

        foreach (var (kind, i) in catalog.ActivityKinds.Select((k, i) => (k, i)))
        {
            Unknown(kind.DefaultMeasures, measures, $"$.activityKinds[{i}].defaultMeasures", $"activity kind {kind.Code} defaults to measure", problems);
            if (kind.PersonTimesCeiling is <= 0)
            {
                problems.Add($"$.activityKinds[{i}].personTimesCeiling", $"activity kind {kind.Code} has a person-times ceiling of {kind.PersonTimesCeiling}; a ceiling is positive");
            }
        }

        CheckReviewData(catalog, problems);
        return problems.All;
    }

    /// <summary>Targets of designated subjects and of persons state their reading; no other target has one.</summary>
    private static void CheckReading(PlanTarget target, string at, Problems problems)
    {
        var needsReading = target.Kind is TargetKind.CumulativeDistinctDesignations or TargetKind.CumulativeDistinctPersons;
        if (needsReading && target.Counting.Reading is null)
        {
            problems.Add($"{at}.counting.reading", $"target {target.Code} does not state its reading (new_in_period or standing)");
        }
        else if (!needsReading && target.Counting.Reading is not null)
        {
            problems.Add($"{at}.counting.reading", $"target {target.Code} states a reading, which only designation and persons targets have");
        }
    }

    /// <summary>A ranking is met at or above its rank, ranks among a city's or a province's districts, and is read beside another target.</summary>
    private static void CheckRanking(PlanTarget target, string at, IReadOnlyList<PlanTarget> targets, Problems problems)
    {
        var ranking = target.Kind == TargetKind.Ranking;
        if (ranking != (target.Comparison == TargetComparison.AtMost))
        {
            problems.Add($"{at}.comparison", $"target {target.Code}: a ranking, and only a ranking, compares at_most");
        }

        if (ranking && (target.Counting.RankedAmong is null || target.Value < 1 || target.Value != decimal.Truncate(target.Value)))
        {
            problems.Add($"{at}.counting.rankedAmong", $"target {target.Code}: a ranking names whose districts it ranks among and a whole rank of at least 1");
        }

        if (!ranking && (target.Counting.RankedAmong is not null || target.Counting.HeldThroughout))
        {
            problems.Add($"{at}.counting.rankedAmong", $"target {target.Code} is not a ranking but says how it ranks");
        }

        if (target.Beside is { } beside && !targets.Any(t => t.Code == beside && t.Code != target.Code && t.Beside is null))
        {
            problems.Add($"{at}.beside", $"target {target.Code} is read beside {beside}, which is not another target of the plan");
        }
    }

    /// <summary>The reporting deadline is a day every year has; each activity kind falls in one statistics column at most.</summary>
    private static void CheckReviewData(PlanCatalog catalog, Problems problems)
    {
        if (catalog.ReportingDeadline is { } deadline && (deadline.Month is < 1 or > 12 || deadline.Day < 1 || deadline.Day > DateTime.DaysInMonth(2023, deadline.Month)))
        {
            problems.Add("$.reportingDeadline", $"the reporting deadline {deadline.Month}-{deadline.Day} is not a day of every year");
        }

        var columns = catalog.StatisticsColumns ?? [];
        var kinds = catalog.ActivityKinds.Select(k => k.Code).ToHashSet();
        Duplicates(columns.Select(c => c.Code), "$.statisticsColumns", "statistics column", problems);
        Duplicates(columns.SelectMany(c => c.Kinds), "$.statisticsColumns", "activity kind in the statistics columns", problems);
        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            Unknown(column.Kinds, kinds, $"$.statisticsColumns[{i}].kinds", $"statistics column {column.Code} counts kind", problems);
        }

        if (columns.Count(c => c.Others) > 1)
        {
            problems.Add("$.statisticsColumns", "more than one statistics column takes the other kinds");
        }
    }

    private static void Duplicates(IEnumerable<string> codes, string path, string what, Problems problems)
    {
        foreach (var g in codes.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            problems.Add(path, $"{what} code {g.Key} appears {g.Count()} times");
        }
    }

    private static void Unknown(IEnumerable<string> codes, HashSet<string> known, string path, string what, Problems problems)
    {
        foreach (var (code, i) in codes.Select((c, i) => (c, i)).Where(c => !known.Contains(c.c)))
        {
            problems.Add($"{path}[{i}]", $"{what} {code}, which does not exist");
        }
    }

    private sealed class Problems
    {
        public List<CatalogProblem> All { get; } = [];

        public void Add(string path, string message) => All.Add(new CatalogProblem(path, message));
    }
}

/// <summary>What is wrong with a catalog, at the JSON path of the member concerned (<c>$.targets[3].counting.activityKinds[0]</c>).</summary>
public sealed record CatalogProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
