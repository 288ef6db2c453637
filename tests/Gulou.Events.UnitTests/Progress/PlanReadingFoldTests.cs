using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.UnitTests.Progress;

/// <summary>
/// The designation, volunteer, indicator and ranking targets read as the plan writes them, with the decisions of the
/// units on their records: from given events to the figure of each year, official and verified.
/// </summary>
public sealed class PlanReadingFoldTests
{
    private static readonly Guid Edu = Guid.NewGuid();
    private static readonly Guid Cast = Guid.NewGuid();
    private static readonly Guid Fzu = Guid.NewGuid();

    private static DateOnly Day(int year, int month = 6, int day = 1) => new(year, month, day);

    private static Guid Designate(History history, DesignationKind kind, string key, DesignationLevel level, DateOnly on, string? subject = null, Guid? id = null)
    {
        var stream = id ?? Guid.NewGuid();
        history.Append(stream, new SubjectDesignated(stream, kind, key, key, level, on, Edu, subject));
        return stream;
    }

    [Fact]
    public async Task Teachers_count_when_designated_within_the_period_in_a_science_subject_until_revoked_for_cause()
    {
        var history = new History();
        Designate(history, DesignationKind.BackboneTeacher, "T1", DesignationLevel.District, Day(2021), "physics");
        var t2 = Designate(history, DesignationKind.BackboneTeacher, "T2", DesignationLevel.District, Day(2022));
        Designate(history, DesignationKind.BackboneTeacher, "T3", DesignationLevel.District, Day(2020), "physics");
        Designate(history, DesignationKind.BackboneTeacher, "T4", DesignationLevel.City, Day(2023), "physics");
        var t5 = Designate(history, DesignationKind.BackboneTeacher, "T5", DesignationLevel.District, Day(2022), "mathematics");
        history.Append(t5, new DesignationRevoked(t5, null, "调离本区", Day(2024), Edu, ForCause: false));
        var t6 = Designate(history, DesignationKind.BackboneTeacher, "T6", DesignationLevel.District, Day(2022), "chemistry");
        history.Append(t6, new DesignationRevoked(t6, null, "材料不实", Day(2023), Edu, ForCause: true));
        var t7 = Designate(history, DesignationKind.BackboneTeacher, "T7", DesignationLevel.District, Day(2021), "biology");
        // Recorded before revocations said whether they were for cause: read as for cause.
        history.Append(t7, new DesignationRevoked(t7, null, "撤销", Day(2024), Edu));
        // T2, recorded without a subject, does not count until it is recorded again with one: T1, T5, T6, T7.
        Assert.Equal(4, (await history.TargetAsync("T-TEACHERS", 2022)).Official);
        Designate(history, DesignationKind.BackboneTeacher, "T2", DesignationLevel.District, Day(2022), "science", t2);

        // 2021: T1, T7. 2022: + T2, T5, T6. 2023: − T6 (for cause). 2024: − T7 (for cause); T5 ended without cause and stays.
        Assert.Equal(2, (await history.TargetAsync("T-TEACHERS", 2021)).Official);
        Assert.Equal(5, (await history.TargetAsync("T-TEACHERS", 2022)).Official);
        Assert.Equal(4, (await history.TargetAsync("T-TEACHERS", 2023)).Official);
        Assert.Equal(3, (await history.TargetAsync("T-TEACHERS", 2025)).Official);
    }

    [Fact]
    public async Task Studios_count_when_created_within_the_period_at_any_level()
    {
        var history = new History();
        var s1 = Designate(history, DesignationKind.ModelWorkerStudio, "S1", DesignationLevel.District, Day(2019));
        Designate(history, DesignationKind.ModelWorkerStudio, "S1", DesignationLevel.City, Day(2022), id: s1);
        Designate(history, DesignationKind.ModelWorkerStudio, "S2", DesignationLevel.City, Day(2022));
        var s3 = Designate(history, DesignationKind.ModelWorkerStudio, "S3", DesignationLevel.District, Day(2023));
        history.Append(s3, new DesignationRevoked(s3, null, "弄虚作假", Day(2024), Edu, ForCause: true));
        var s4 = Designate(history, DesignationKind.ModelWorkerStudio, "S4", DesignationLevel.District, Day(2021));
        history.Append(s4, new DesignationRevoked(s4, null, "领衔人退休", Day(2023), Edu, ForCause: false));

        // S1 was created in 2019, before the plan; S3 was revoked for cause; S4's studio ended, but it was created.
        Assert.Equal(3, (await history.TargetAsync("T-STUDIOS", 2023)).Official);
        Assert.Equal(2, (await history.TargetAsync("T-STUDIOS", 2025)).Official);
    }

    [Theory]
    [InlineData(TargetReading.NewInPeriod, 1, 3)]
    [InlineData(TargetReading.Standing, 4, 4)]
    public async Task The_bases_target_counts_by_the_reading_its_catalog_line_states(TargetReading reading, int in2021, int in2025)
    {
        var plan = TestPlan.Shipped.Target("T-BASES")!.Counting.Reading == reading ? TestPlan.Shipped : TestPlan.WithReading("T-BASES", reading);
        var history = new History(plan);
        Designate(history, DesignationKind.ScienceBase, "B1", DesignationLevel.City, Day(2018));
        Designate(history, DesignationKind.ScienceBase, "B2", DesignationLevel.City, Day(2022));
        var b3 = Designate(history, DesignationKind.ScienceBase, "B3", DesignationLevel.District, Day(2019));
        Designate(history, DesignationKind.ScienceBase, "B3", DesignationLevel.City, Day(2023), id: b3);
        var b4 = Designate(history, DesignationKind.ScienceBase, "B4", DesignationLevel.City, Day(2021));
        history.Append(b4, new DesignationRevoked(b4, null, "场馆改建", Day(2024), Edu, ForCause: false));
        var b5 = Designate(history, DesignationKind.ScienceBase, "B5", DesignationLevel.City, Day(2020));
        history.Append(b5, new DesignationRevoked(b5, null, "复核不合格", Day(2022), Edu, ForCause: true));
        Designate(history, DesignationKind.ScienceBase, "B6", DesignationLevel.City, Day(2019));

        // New in the period: B4 in 2021; then B2, B3 (city level in 2023); B4's end takes nothing away.
        // Standing: B1, B5, B6 from before the plan and B4 in 2021; by 2025 B5 and B4 are gone, B2 and B3 came.
        Assert.Equal(in2021, (await history.TargetAsync("T-BASES", 2021)).Official);
        Assert.Equal(in2025, (await history.TargetAsync("T-BASES", 2025)).Official);
    }

    [Fact]
    public void The_shipped_catalog_reads_bases_as_new_in_the_period_and_communities_as_standing()
    {
        Assert.Equal(TargetReading.NewInPeriod, TestPlan.Shipped.Target("T-BASES")!.Counting.Reading);
        Assert.Equal(TargetReading.Standing, TestPlan.Shipped.Target("T-COMMUNITIES")!.Counting.Reading);
        Assert.Equal(TargetReading.NewInPeriod, TestPlan.Shipped.Target("T-TEACHERS")!.Counting.Reading);
        Assert.Equal(TargetReading.NewInPeriod, TestPlan.Shipped.Target("T-STUDIOS")!.Counting.Reading);
        Assert.Equal(TargetReading.Standing, TestPlan.Shipped.Target("T-VOLUNTEERS")!.Counting.Reading);
    }

    [Theory]
    [InlineData(TargetReading.Standing, 2)]
    [InlineData(TargetReading.NewInPeriod, 1)]
    public async Task The_communities_target_counts_by_the_reading_its_catalog_line_states(TargetReading reading, int in2023)
    {
        var plan = TestPlan.Shipped.Target("T-COMMUNITIES")!.Counting.Reading == reading ? TestPlan.Shipped : TestPlan.WithReading("T-COMMUNITIES", reading);
        var history = new History(plan);
        Designate(history, DesignationKind.CertifiedCommunity, "C1", DesignationLevel.City, Day(2019));
        Designate(history, DesignationKind.CertifiedCommunity, "C2", DesignationLevel.City, Day(2022));

        Assert.Equal(in2023, (await history.TargetAsync("T-COMMUNITIES", 2023)).Official);
    }

    [Fact]
    public async Task Verified_designation_figures_count_only_verified_awards_and_a_rejected_award_leaves_the_official_ones()
    {
        var history = new History();
        var c1 = Designate(history, DesignationKind.CertifiedCommunity, "C1", DesignationLevel.City, Day(2021));
        history.Append(c1, new DesignationVerified(c1, null, Cast, null));
        Designate(history, DesignationKind.CertifiedCommunity, "C2", DesignationLevel.City, Day(2022));
        var c3 = Designate(history, DesignationKind.CertifiedCommunity, "C3", DesignationLevel.City, Day(2022));
        history.Append(c3, new DesignationRejected(c3, null, Cast, "无市级批文"));
        var c4 = Designate(history, DesignationKind.CertifiedCommunity, "C4", DesignationLevel.City, Day(2022));
        history.Append(c4, new DesignationVerified(c4, DesignationLevel.City, Cast, null));
        history.Append(c4, new DesignationRejected(c4, DesignationLevel.City, Cast, "批文系伪造"));
        var c5 = Designate(history, DesignationKind.CertifiedCommunity, "C5", DesignationLevel.District, Day(2021));
        Designate(history, DesignationKind.CertifiedCommunity, "C5", DesignationLevel.City, Day(2022), id: c5);
        history.Append(c5, new DesignationVerified(c5, DesignationLevel.District, Cast, null));

        // Official: C1, C2 and C5 (its city award is undecided); C3 and C4 stand rejected. Verified: C1 only.
        Assert.Equal((3m, 1m), await history.TargetAsync("T-COMMUNITIES", 2022));

        // A new award at a level replaces the decided one, which is then decided again from scratch.
        history.Append(c1, new DesignationRevoked(c1, DesignationLevel.City, "到期复评", Day(2023), Cast));
        Designate(history, DesignationKind.CertifiedCommunity, "C1", DesignationLevel.City, Day(2024), id: c1);
        Assert.Equal((3m, 0m), await history.TargetAsync("T-COMMUNITIES", 2024));
    }

    [Fact]
    public async Task A_volunteer_counts_officially_until_rejected_and_in_the_verified_figure_once_verified()
    {
        var history = new History();
        Guid Register(string key)
        {
            var stream = Guid.NewGuid();
            history.Append(stream, new VolunteerRegistered(key, Fzu, Day(2022)));
            return stream;
        }

        history.Append(Register("v1"), new VolunteerVerified("v1", Cast, null));
        Register("v2");
        history.Append(Register("v3"), new VolunteerRejected("v3", Cast, "身份不符"));
        var v4 = Register("v4");
        history.Append(v4, new VolunteerRejected("v4", Cast, "待补材料"));
        history.Append(v4, new VolunteerVerified("v4", Cast, "已补材料"));

        Assert.Equal((3m, 2m), await history.TargetAsync("T-VOLUNTEERS", 2022));
    }

    [Fact]
    public async Task A_withdrawn_or_rejected_observation_gives_way_to_the_previous_one_of_its_year()
    {
        var history = new History();
        var stream = Guid.NewGuid();
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2023, 150, 1000, "survey", null, Cast));
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2023, 165, 1000, "survey, revised", null, Cast));
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2024, 190, 1000, "survey B", null, Cast));
        Assert.Equal(16.5m, (await history.TargetAsync("T-LITERACY", 2023)).Official);

        history.Append(stream, new ObservationWithdrawn("T-LITERACY", 2, Cast, "录入错误"));
        Assert.Equal(15m, (await history.TargetAsync("T-LITERACY", 2023)).Official);

        history.Append(stream, new ObservationRejected("T-LITERACY", 1, Edu, "样本不足"));
        history.Append(stream, new ObservationVerified("T-LITERACY", 3, Edu, null));
        var rollups = await history.FoldAsync();
        Assert.False(rollups.ContainsKey("target/T-LITERACY/2023"));
        Assert.Equal((0m, 0m), await history.TargetAsync("T-LITERACY", 2023));
        // 2024 stands officially and, verified, in the verified figure.
        Assert.Equal((19m, 19m), await history.TargetAsync("T-LITERACY", 2024));
    }

    [Fact]
    public async Task A_baseline_observation_is_shown_as_the_baseline_never_as_an_actual_of_the_period()
    {
        var history = new History();
        var stream = Guid.NewGuid();
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2020, 200, 1000, "2020年基线调查", null, Cast));

        var rollups = (await history.FoldAsync()).Values.Where(r => r.Target == "T-LITERACY").ToList();
        var progress = TargetEvaluation.Evaluate(TestPlan.Shipped.Target("T-LITERACY")!, rollups, 2021, new DateOnly(2021, 12, 1));

        Assert.Equal(0, progress.Actual);
        Assert.Equal(TargetStatus.NotStarted, progress.Status);
        Assert.Equal(20m, progress.Baseline);
    }

    [Fact]
    public async Task A_rank_stands_for_its_year_and_a_withdrawn_one_gives_way()
    {
        var history = new History();
        var stream = Guid.NewGuid();
        history.Append(stream, new RankObserved("T-COMMUNITIES-RANK", 2020, 1, 13, "2020年通报", null, Cast));
        history.Append(stream, new RankObserved("T-COMMUNITIES-RANK", 2023, 1, 13, "2023年通报", null, Cast));
        history.Append(stream, new RankObserved("T-COMMUNITIES-RANK", 2023, 2, 13, "2023年通报（更正）", null, Cast));

        var rollups = await history.FoldAsync();
        Assert.Equal((2m, 13m), (rollups["target/T-COMMUNITIES-RANK/2023"].Official.Numerator, rollups["target/T-COMMUNITIES-RANK/2023"].Official.Denominator));
        Assert.Equal(2, (await history.TargetAsync("T-COMMUNITIES-RANK", 2024)).Official);

        history.Append(stream, new ObservationWithdrawn("T-COMMUNITIES-RANK", 3, Cast, "通报有误"));
        Assert.Equal(1, (await history.TargetAsync("T-COMMUNITIES-RANK", 2024)).Official);
    }
}
