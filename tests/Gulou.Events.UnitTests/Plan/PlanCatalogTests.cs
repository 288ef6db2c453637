using System.Text.RegularExpressions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Tests;

namespace Gulou.Events.UnitTests.Plan;

/// <summary>Holds the shipped catalog against the plan's own text.</summary>
public sealed partial class PlanCatalogTests
{
    private static readonly string PlanText = File.ReadAllText(RepositoryRoot.Combine("docs", "plan", "gulou-science-literacy-plan-2021-2025.zh.txt"));
    private static readonly string CompactText = Whitespace().Replace(PlanText, "");
    private static readonly PlanCatalog Catalog = TestPlan.Shipped.Catalog;

    [Fact]
    public void Has_the_nine_sections_of_the_plan_with_their_measure_ranges()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["ACT-YOUTH"] = Codes("ACT", 1, 4),
            ["ACT-WORKERS"] = Codes("ACT", 5, 8),
            ["ACT-ELDERLY"] = Codes("ACT", 9, 11),
            ["ACT-CADRES"] = Codes("ACT", 12, 14),
            ["PRJ-RESOURCES"] = Codes("PRJ", 1, 4),
            ["PRJ-DIGITAL"] = Codes("PRJ", 5, 7),
            ["PRJ-INFRA"] = Codes("PRJ", 8, 9),
            ["PRJ-GRASSROOTS"] = Codes("PRJ", 10, 12),
            ["PRJ-EXCHANGE"] = Codes("PRJ", 13, 14),
        };

        Assert.Equal(expected.Keys, Catalog.Sections.Select(s => s.Code));
        foreach (var section in Catalog.Sections)
        {
            Assert.Equal(expected[section.Code], section.Measures);
        }

        Assert.Equal(28, Catalog.Measures.Count);
    }

    [Fact]
    public void Every_measure_title_is_the_plans_own_numbered_heading()
    {
        foreach (var measure in Catalog.Measures)
        {
            // The plan numbers measures 1–14 in each half: "3.实施科技创新后备人才培育计划。"
            Assert.True(CompactText.Contains($"{measure.Number}.{measure.Title.Zh}。", StringComparison.Ordinal),
                $"{measure.Code}: '{measure.Number}.{measure.Title.Zh}' is not a heading of the plan.");
            Assert.False(string.IsNullOrWhiteSpace(measure.Title.En), $"{measure.Code} has no English title.");
        }
    }

    [Fact]
    public void Every_section_title_appears_in_the_plan()
    {
        foreach (var section in Catalog.Sections)
        {
            Assert.Contains(section.Title.Zh, CompactText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_target_sentence_appears_verbatim_in_the_plan()
    {
        Assert.Equal(
            [
                "T-LITERACY", "T-LITERACY-RANK-CITY", "T-LITERACY-RANK-PROVINCE", "T-LAB-OPEN", "T-COMPETITION", "T-SCHOOLS", "T-TEACHERS", "T-STUDIOS",
                "T-ELDERLY-FITNESS", "T-COMMUNITIES", "T-COMMUNITIES-RANK", "T-BASES", "T-VOLUNTEERS",
            ],
            Catalog.Targets.Select(t => t.Code));
        foreach (var target in Catalog.Targets)
        {
            Assert.True(CompactText.Contains(target.PlanText, StringComparison.Ordinal), $"{target.Code}: '{target.PlanText}' is not in the plan.");
            if (target.Kind != TargetKind.Ranking)
            {
                // A ranking's goal is written in words (前列, 第一): its test is below. 全覆盖 (every school) is the plan's 100%.
                var value = target.Kind == TargetKind.AnnualCoverage ? "全覆盖" : target.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains(value, target.PlanText, StringComparison.Ordinal);
            }

            Assert.Equal(new PlanPeriod(2021, 2025), target.Period);
            Assert.Equal(new DateOnly(2025, 12, 31), target.Deadline);
        }
    }

    [Theory]
    [InlineData("T-LITERACY-RANK-CITY", "T-LITERACY", RankingScope.City, 3, false)]
    [InlineData("T-LITERACY-RANK-PROVINCE", "T-LITERACY", RankingScope.Province, 3, false)]
    [InlineData("T-COMMUNITIES-RANK", "T-COMMUNITIES", RankingScope.City, 1, true)]
    public void The_rankings_of_lines_11_and_52_stand_beside_the_figures_they_rank(string code, string beside, RankingScope among, int goal, bool held)
    {
        var ranking = TestPlan.Shipped.Target(code)!;
        var ranked = TestPlan.Shipped.Target(beside)!;

        Assert.Equal((TargetKind.Ranking, TargetComparison.AtMost, beside), (ranking.Kind, ranking.Comparison, ranking.Beside));
        Assert.Equal((among, goal, held), (ranking.Counting.RankedAmong!.Value, (int)ranking.Value, ranking.Counting.HeldThroughout));
        Assert.Equal(ranked.Measure, ranking.Measure);
        // The ranking's words follow the figure it ranks in the same sentence of the plan.
        Assert.Contains(ranked.PlanText + "，" + ranking.PlanText, CompactText, StringComparison.Ordinal);
        Assert.Contains(goal == 1 ? "第一" : "前列", ranking.PlanText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teachers_target_lists_the_science_and_related_subjects_of_line_19()
    {
        // "增强科学、数学、物理、化学、生物学、通用技术、信息技术等学科教师和科技辅导员培训力度"
        var subjects = TestPlan.Shipped.Target("T-TEACHERS")!.Counting.TeachingSubjects!;
        var line = PlanText.Split('\n').Single(l => l.Contains("区级骨干教师", StringComparison.Ordinal));
        var listed = line[(line.IndexOf("增强", StringComparison.Ordinal) + 2)..line.IndexOf("等学科", StringComparison.Ordinal)].Split('、');

        Assert.Equal(listed, subjects.Select(s => s.Name.Zh));
        Assert.All(subjects, s => Assert.False(string.IsNullOrWhiteSpace(s.Name.En)));
        Assert.Equal(subjects.Select(s => s.Code), TestPlan.Shipped.TeachingSubjects.Select(s => s.Code));
    }

    [Fact]
    public void Designation_and_persons_targets_state_their_reading_and_no_other_target_does()
    {
        foreach (var target in Catalog.Targets)
        {
            var stock = target.Kind is TargetKind.CumulativeDistinctDesignations or TargetKind.CumulativeDistinctPersons;
            Assert.Equal(stock, target.Counting.Reading is not null);
        }

        var unread = Catalog with { Targets = Catalog.Targets.Select(t => t.Code == "T-BASES" ? t with { Counting = t.Counting with { Reading = null } } : t).ToList() };
        Assert.Contains("target T-BASES does not state its reading (new_in_period or standing)", PlanCatalogRules.Check(unread));
        var misread = Catalog with { Targets = Catalog.Targets.Select(t => t.Code == "T-LAB-OPEN" ? t with { Counting = t.Counting with { Reading = TargetReading.Standing } } : t).ToList() };
        Assert.Contains(PlanCatalogRules.Check(misread), p => p.StartsWith("target T-LAB-OPEN states a reading", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ranking_beside_no_target_or_without_its_scope_is_refused()
    {
        var broken = Catalog with
        {
            Targets = Catalog.Targets.Select(t => t.Code switch
            {
                "T-LITERACY-RANK-CITY" => t with { Beside = "T-NOPE" },
                "T-COMMUNITIES-RANK" => t with { Counting = t.Counting with { RankedAmong = null } },
                _ => t,
            }).ToList(),
        };

        var problems = PlanCatalogRules.Check(broken);

        Assert.Contains("target T-LITERACY-RANK-CITY is read beside T-NOPE, which is not another target of the plan", problems);
        Assert.Contains(problems, p => p.StartsWith("target T-COMMUNITIES-RANK: a ranking names whose districts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"reading\": \"standing\"", "\"reading\": \"forever\"", "reading")]
    [InlineData("\"reading\": \"standing\"", "\"includeBeforePeriod\": true", "includeBeforePeriod is replaced by \"reading\"")]
    public void A_catalog_with_an_unknown_reading_or_the_old_flag_is_refused_when_loaded(string shipped, string written, string message)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, PlanModule.ShippedCatalog));
        Assert.Contains(shipped, text, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text.Replace(shipped, written, StringComparison.Ordinal));
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => CurrentPlan.Load(path));
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("T-LAB-OPEN", "ACT-02", TargetKind.CumulativeDistinctInstitutions, 10)]
    [InlineData("T-COMPETITION", "ACT-03", TargetKind.AnnualSum, 6000)]
    [InlineData("T-SCHOOLS", "ACT-02", TargetKind.AnnualCoverage, 100)]
    [InlineData("T-TEACHERS", "ACT-04", TargetKind.CumulativeDistinctDesignations, 8)]
    [InlineData("T-STUDIOS", "ACT-07", TargetKind.CumulativeDistinctDesignations, 4)]
    [InlineData("T-ELDERLY-FITNESS", "ACT-10", TargetKind.Indicator, 65)]
    [InlineData("T-COMMUNITIES", "PRJ-08", TargetKind.CumulativeDistinctDesignations, 30)]
    [InlineData("T-BASES", "PRJ-09", TargetKind.CumulativeDistinctDesignations, 15)]
    [InlineData("T-VOLUNTEERS", "PRJ-11", TargetKind.CumulativeDistinctPersons, 800)]
    [InlineData("T-LITERACY", null, TargetKind.Indicator, 18)]
    [InlineData("T-LITERACY-RANK-CITY", null, TargetKind.Ranking, 3)]
    [InlineData("T-COMMUNITIES-RANK", "PRJ-08", TargetKind.Ranking, 1)]
    public void Targets_have_the_measure_kind_and_value_of_the_design(string code, string? measure, TargetKind kind, int value)
    {
        var target = TestPlan.Shipped.Target(code)!;
        Assert.Equal(measure, target.Measure);
        Assert.Equal(kind, target.Kind);
        Assert.Equal(value, target.Value);
    }

    [Fact]
    public void Each_sections_responsible_units_are_those_its_line_in_the_plan_names()
    {
        var lines = ResponsibilityLine().Matches(PlanText).Select(m => m.Groups["units"].Value).ToList();
        Assert.True(lines.Count >= Catalog.Sections.Count);

        foreach (var (section, line) in Catalog.Sections.Zip(lines))
        {
            var lead = line[..line.IndexOf("牵头", StringComparison.Ordinal)];
            var participating = line[line.IndexOf("牵头", StringComparison.Ordinal)..];
            foreach (var unit in section.LeadUnits)
            {
                Assert.True(lead.Contains(UnitName(unit), StringComparison.Ordinal), $"{section.Code}: lead unit {unit} is not named before 牵头 in '{line}'.");
            }

            foreach (var unit in section.ParticipatingUnits)
            {
                Assert.True(participating.Contains(UnitName(unit), StringComparison.Ordinal), $"{section.Code}: unit {unit} is not among the participants in '{line}'.");
            }

            var named = Catalog.Units.Count(u => line.Contains(u.Name.Zh, StringComparison.Ordinal));
            Assert.Equal(section.LeadUnits.Count + section.ParticipatingUnits.Count, named);
        }
    }

    [Fact]
    public void Measures_take_their_sections_responsible_units()
    {
        foreach (var measure in Catalog.Measures)
        {
            var section = Catalog.Sections.Single(s => s.Code == measure.Section);
            Assert.Contains(measure.Code, section.Measures);
            Assert.Equal(section.LeadUnits, measure.LeadUnits);
            Assert.Equal(section.ParticipatingUnits, measure.ParticipatingUnits);
        }
    }

    [Fact]
    public void Has_the_activity_kinds_partners_report_with_their_default_measures()
    {
        string[] required =
        [
            "lab_open_day", "campus_lecture", "volunteer_session", "competition", "teacher_training", "skills_training",
            "health_talk", "digital_skills_class", "cadre_training", "science_day_event", "exhibition", "media_work",
            "exchange_event", "emergency_drill", "psych_service", "other",
        ];
        foreach (var code in required)
        {
            Assert.True(TestPlan.Shipped.HasKind(code), $"kind {code} is missing");
        }

        Assert.Equal(["ACT-02"], TestPlan.Shipped.Kind("lab_open_day")!.DefaultMeasures);
        Assert.Equal(["ACT-03"], TestPlan.Shipped.Kind("competition")!.DefaultMeasures);
        Assert.Empty(TestPlan.Shipped.Kind("other")!.DefaultMeasures);
    }

    [Fact]
    public void Every_measure_has_an_activity_kind_that_counts_toward_it_by_default()
    {
        var covered = Catalog.ActivityKinds.SelectMany(k => k.DefaultMeasures).ToHashSet();

        Assert.DoesNotContain(Catalog.Measures, m => !covered.Contains(m.Code));
        Assert.Equal(["PRJ-13"], TestPlan.Shipped.Kind("cross_strait_exchange")!.DefaultMeasures);
    }

    [Fact]
    public void Every_kind_has_a_person_times_ceiling_far_below_the_input_guard()
    {
        foreach (var kind in Catalog.ActivityKinds)
        {
            Assert.True(kind.PersonTimesCeiling is > 0 and < Api.Activities.ActivityFieldRules.MaxPersonTimes, $"{kind.Code}: {kind.PersonTimesCeiling}");
        }

        Assert.Contains("activity kind lab_open_day has a person-times ceiling of 0; a ceiling is positive",
            PlanCatalogRules.Check(Catalog with { ActivityKinds = [.. Catalog.ActivityKinds.Select(k => k.Code == "lab_open_day" ? k with { PersonTimesCeiling = 0 } : k)] }));
    }

    [Fact]
    public void The_school_coverage_target_counts_youth_science_education_at_primary_and_secondary_schools()
    {
        var schools = TestPlan.Shipped.Target("T-SCHOOLS")!;

        Assert.Equal(["primary", "junior_secondary", "senior_secondary"], schools.Counting.SchoolStages);
        Assert.Equal("youth", schools.Counting.Audience);
        Assert.Contains("lab_open_day", schools.Counting.ActivityKinds!);
        Assert.Contains("coverage target T-SCHOOLS names no school stages or no activity kinds",
            PlanCatalogRules.Check(Catalog with { Targets = [.. Catalog.Targets.Select(t => t.Code == "T-SCHOOLS" ? t with { Counting = t.Counting with { SchoolStages = null } } : t)] }));
        Assert.Contains("target T-SCHOOLS counts school stage kindergarten, which does not exist",
            PlanCatalogRules.Check(Catalog with { Targets = [.. Catalog.Targets.Select(t => t.Code == "T-SCHOOLS" ? t with { Counting = t.Counting with { SchoolStages = ["kindergarten"] } } : t)] }));
    }

    [Fact]
    public void The_shipped_catalog_is_consistent() => Assert.Empty(PlanCatalogRules.Check(Catalog));

    [Fact]
    public void A_catalog_that_refers_to_a_missing_code_is_refused()
    {
        var broken = Catalog with
        {
            Measures = [.. Catalog.Measures.Skip(1)],
            ActivityKinds = [.. Catalog.ActivityKinds, new ActivityKind("mystery", new LocalizedText("谜", "Mystery"), ["PRJ-99"])],
        };

        var problems = PlanCatalogRules.Check(broken);

        Assert.Contains(problems, p => p.Contains("section ACT-YOUTH lists measure ACT-01", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("activity kind mystery defaults to measure PRJ-99", StringComparison.Ordinal));
    }

    [Fact]
    public void The_coordinating_unit_is_the_one_section_four_names_and_must_exist()
    {
        // 四（一）: "区科协发挥综合协调作用".
        Assert.Equal("区科协", UnitName(Catalog.CoordinatingUnit!));

        var problems = PlanCatalogRules.Check(Catalog with { CoordinatingUnit = "NOBODY" });

        Assert.Contains("the coordinating unit NOBODY does not exist", problems);
    }

    private static string UnitName(string code) => Catalog.Units.Single(u => u.Code == code).Name.Zh;

    private static string[] Codes(string prefix, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(n => $"{prefix}-{n:00}").ToArray();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("责任单位：(?<units>[^。\n]+)")]
    private static partial Regex ResponsibilityLine();
}
