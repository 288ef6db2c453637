using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.UnitTests.Progress;

public sealed class TargetEvaluationTests
{
    private static readonly DateOnly MidPlan = new(2024, 7, 1);
    private static readonly DateOnly AfterPlan = new(2026, 11, 28);

    private static Rollup Year(string target, int year, Action<Figures> fill)
    {
        var rollup = Rollup.For(RollupKey.ForTarget(target, year));
        fill(rollup.Official);
        fill(rollup.Verified);
        return rollup;
    }

    private static Rollup Youth(int year, int youth) => Year("T-COMPETITION", year, f => { f.Activities = 1; f.Attendance = new AudienceCounts(Youth: youth); });

    [Fact]
    public void An_annual_target_is_judged_year_by_year()
    {
        var target = TestPlan.Shipped.Target("T-COMPETITION")!;
        Rollup[] rollups = [Youth(2021, 6500), Youth(2022, 5000), Youth(2023, 7000), Youth(2024, 3100)];

        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(target, rollups, 2021, MidPlan).Status);
        Assert.Equal(TargetStatus.Behind, TargetEvaluation.Evaluate(target, rollups, 2022, MidPlan).Status);
        var current = TargetEvaluation.Evaluate(target, rollups, 2024, MidPlan);
        Assert.Equal(3100, current.Actual);
        // Half the year gone with 3,100: about 6,200 by the end of it.
        Assert.InRange(current.Forecast!.Value, 6150, 6250);
        Assert.Equal(TargetStatus.OnTrack, current.Status);
        Assert.Equal(TargetStatus.NotStarted, TargetEvaluation.Evaluate(target, rollups, 2025, MidPlan).Status);
    }

    [Fact]
    public void Over_the_plan_an_annual_target_is_behind_once_a_finished_year_missed_it()
    {
        var target = TestPlan.Shipped.Target("T-COMPETITION")!;
        Rollup[] allMet = [Youth(2021, 6000), Youth(2022, 6100), Youth(2023, 7000), Youth(2024, 6500), Youth(2025, 8000)];

        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(target, allMet, null, AfterPlan).Status);
        Assert.Equal(TargetStatus.Behind, TargetEvaluation.Evaluate(target, [.. allMet[..1], Youth(2022, 5999), .. allMet[2..]], null, AfterPlan).Status);
        var plan = TargetEvaluation.Evaluate(target, allMet, null, AfterPlan);
        Assert.Equal([6000m, 6100m, 7000m, 6500m, 8000m], plan.Series.Select(p => p.Actual));
        Assert.Equal("/api/v1/activities?target=T-COMPETITION&year=2022", plan.Series[1].Drilldown);
    }

    [Fact]
    public void School_coverage_is_the_share_of_the_register_each_year_reached_and_every_year_must_reach_all()
    {
        var target = TestPlan.Shipped.Target("T-SCHOOLS")!;
        var (a, b, c, d, university) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var register = Rollup.For(RollupKey.ForRegister("T-SCHOOLS"));
        Guid[] registered = [a, b, c, d];
        register.Official.DistinctInstitutions = register.Verified.DistinctInstitutions = registered.Length;
        Guid[] reached2023 = [a, b, c, d, university], reached2024 = [a, university];
        Rollup[] rollups =
        [
            register,
            Year("T-SCHOOLS", 2023, f => (f.Activities, f.DistinctInstitutions, f.Covered) = (5, reached2023.Length, reached2023.Intersect(registered).Count())),
            Year("T-SCHOOLS", 2024, f => (f.Activities, f.DistinctInstitutions, f.Covered) = (2, reached2024.Length, reached2024.Intersect(registered).Count())),
        ];

        var y2023 = TargetEvaluation.Evaluate(target, rollups, 2023, MidPlan);
        var y2024 = TargetEvaluation.Evaluate(target, rollups, 2024, MidPlan);
        var plan = TargetEvaluation.Evaluate(target, rollups, null, AfterPlan);

        Assert.Equal((100m, TargetStatus.Met), (y2023.Actual, y2023.Status));
        // Half of 2024 gone with a quarter of the schools: half by the end of the year, which misses 100%.
        Assert.Equal((25m, 50m, TargetStatus.Behind), (y2024.Actual, y2024.Forecast!.Value, y2024.Status));
        Assert.Equal("/api/v1/schools?target=T-SCHOOLS&year=2024&covered=false", y2024.Drilldown);
        Assert.Equal([0m, 0m, 100m, 25m, 0m], plan.Series.Select(p => p.Actual));
        Assert.Equal(TargetStatus.Behind, plan.Status);
        Assert.Equal(TargetStatus.NotStarted, TargetEvaluation.Evaluate(target, [register], 2022, MidPlan).Status);
    }

    [Fact]
    public void Distinct_institutions_accumulate_as_a_union_over_the_years()
    {
        var target = TestPlan.Shipped.Target("T-LAB-OPEN")!;
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Guid[] in2021 = [a, b], in2022 = [a, c];
        // Each year's rollup holds the institutions first counted in it.
        Rollup[] rollups =
        [
            Year("T-LAB-OPEN", 2021, f => (f.Activities, f.DistinctInstitutions, f.NewInstitutions) = (3, in2021.Length, in2021.Length)),
            Year("T-LAB-OPEN", 2022, f => (f.Activities, f.DistinctInstitutions, f.NewInstitutions) = (2, in2022.Length, in2022.Except(in2021).Count())),
        ];

        var progress = TargetEvaluation.Evaluate(target, rollups, 2022, MidPlan);

        Assert.Equal(3, progress.Actual);
        Assert.Equal(0.3m, progress.Share);
        // Three institutions in two years, out of five: 7.5 by 2025, short of 10.
        Assert.Equal(7.5m, progress.Forecast);
        Assert.Equal(TargetStatus.Behind, progress.Status);
        Assert.Equal([2m, 3m], progress.Series.Select(p => p.Actual));
    }

    [Fact]
    public void A_stock_target_counts_what_stood_before_the_plan_and_forecasts_from_it()
    {
        var target = TestPlan.Shipped.Target("T-COMMUNITIES")!;
        Rollup[] rollups =
        [
            Year("T-COMMUNITIES", 2019, f => f.Added = 10),
            Year("T-COMMUNITIES", 2021, f => f.Added = 7),
            Year("T-COMMUNITIES", 2022, f => { f.Added = 5; f.Removed = 1; }),
        ];

        var progress = TargetEvaluation.Evaluate(target, rollups, 2022, MidPlan);

        Assert.Equal(21, progress.Actual);
        Assert.Equal(10, progress.Baseline);
        // From 10 before the plan, eleven more in two years: 37.5 by 2025.
        Assert.Equal(37.5m, progress.Forecast);
        Assert.Equal(TargetStatus.OnTrack, progress.Status);
        Assert.Null(TargetEvaluation.Evaluate(TestPlan.Shipped.Target("T-BASES")!, rollups, 2022, MidPlan).Baseline);
    }

    private static Rollup Rank(string target, int year, int rank, int of = 13) => Year(target, year, f => { f.Numerator = rank; f.Denominator = of; });

    [Fact]
    public void A_ranking_is_met_at_or_above_its_goal_and_the_baseline_is_not_a_rank_of_the_period()
    {
        var target = TestPlan.Shipped.Target("T-LITERACY-RANK-CITY")!;

        var onlyBaseline = TargetEvaluation.Evaluate(target, [Rank(target.Code, 2020, 2)], 2021, MidPlan);
        Assert.Equal(TargetStatus.NotStarted, onlyBaseline.Status);
        Assert.Equal((0m, 2m), (onlyBaseline.Actual, onlyBaseline.Baseline!.Value));

        Rollup[] rising = [Rank(target.Code, 2020, 5), Rank(target.Code, 2022, 4), Rank(target.Code, 2024, 3)];
        Assert.Equal(TargetStatus.Behind, TargetEvaluation.Evaluate(target, rising, 2023, MidPlan).Status);
        var plan = TargetEvaluation.Evaluate(target, rising, null, MidPlan);
        Assert.Equal(3, plan.Actual);
        Assert.Equal(TargetStatus.Met, plan.Status);
        Assert.Equal(1, plan.Share);
        Assert.Null(plan.Forecast);
        Assert.Equal("T-LITERACY", plan.Beside);
        Assert.Equal([0m, 4m, 4m, 3m], plan.Series.Select(p => p.Actual));
        // Fourth of thirteen against a goal of third: three quarters of the way.
        Assert.Equal(0.75m, TargetEvaluation.Evaluate(target, rising, 2023, MidPlan).Share);
    }

    [Fact]
    public void Keeping_first_place_must_hold_at_every_ranking_of_the_period()
    {
        var target = TestPlan.Shipped.Target("T-COMMUNITIES-RANK")!;
        Rollup[] lapsed = [Rank(target.Code, 2021, 1), Rank(target.Code, 2023, 2), Rank(target.Code, 2025, 1)];
        Rollup[] held = [Rank(target.Code, 2021, 1), Rank(target.Code, 2023, 1), Rank(target.Code, 2025, 1)];

        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(target, lapsed, 2022, AfterPlan).Status);
        Assert.Equal(TargetStatus.Behind, TargetEvaluation.Evaluate(target, lapsed, null, AfterPlan).Status);
        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(target, held, null, AfterPlan).Status);
        // The literacy ranks read the latest rank only: a lapse that was made good is met.
        var literacy = TestPlan.Shipped.Target("T-LITERACY-RANK-PROVINCE")!;
        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(literacy, [Rank(literacy.Code, 2021, 5, 84), Rank(literacy.Code, 2025, 2, 84)], null, AfterPlan).Status);
    }

    [Fact]
    public void The_verified_figure_of_a_ranking_is_its_latest_verified_rank()
    {
        var target = TestPlan.Shipped.Target("T-LITERACY-RANK-CITY")!;
        var official = Rank(target.Code, 2024, 2);
        official.Verified = new Figures();
        Rollup[] rollups = [Rank(target.Code, 2022, 4), official];

        var progress = TargetEvaluation.Evaluate(target, rollups, 2024, MidPlan);

        Assert.Equal((2m, 4m), (progress.Actual, progress.VerifiedActual));
    }

    [Fact]
    public void After_the_deadline_a_missed_target_is_behind_whatever_its_pace()
    {
        var target = TestPlan.Shipped.Target("T-VOLUNTEERS")!;
        Rollup[] rollups = [Year("T-VOLUNTEERS", 2021, f => f.Added = 500), Year("T-VOLUNTEERS", 2025, f => f.Added = 299)];

        var progress = TargetEvaluation.Evaluate(target, rollups, null, AfterPlan);

        Assert.Equal(799, progress.Actual);
        Assert.Equal(TargetStatus.Behind, progress.Status);
    }

    [Fact]
    public void An_indicator_that_must_exceed_its_value_is_not_met_at_the_value()
    {
        var target = TestPlan.Shipped.Target("T-LITERACY")!;
        Rollup Survey(int year, decimal n) => Year("T-LITERACY", year, f => { f.Numerator = n; f.Denominator = 1000; });

        Assert.Equal(TargetStatus.Behind, TargetEvaluation.Evaluate(target, [Survey(2025, 180)], 2025, AfterPlan).Status);
        Assert.Equal(TargetStatus.Met, TargetEvaluation.Evaluate(target, [Survey(2025, 181)], 2025, AfterPlan).Status);
        var rising = TargetEvaluation.Evaluate(target, [Survey(2021, 140), Survey(2022, 155)], 2023, MidPlan);
        Assert.Equal(15.5m, rising.Actual);
        // 14.0% then 15.5%: 20% by 2025.
        Assert.Equal(20m, rising.Forecast);
        Assert.Equal(TargetStatus.OnTrack, rising.Status);
    }

    [Fact]
    public void A_survey_of_the_year_before_the_plan_is_its_baseline_and_feeds_only_the_trend()
    {
        var target = TestPlan.Shipped.Target("T-LITERACY")!;
        Rollup Survey(int year, decimal n) => Year("T-LITERACY", year, f => { f.Numerator = n; f.Denominator = 1000; });

        var progress = TargetEvaluation.Evaluate(target, [Survey(2020, 120), Survey(2022, 150)], 2023, MidPlan);

        Assert.Equal((15m, 12m), (progress.Actual, progress.Baseline!.Value));
        Assert.Equal([0m, 15m, 15m], progress.Series.Select(p => p.Actual));
        // 12% in 2020, 15% in 2022: 19.5% by 2025.
        Assert.Equal(19.5m, progress.Forecast);
    }

    [Fact]
    public void Nothing_recorded_is_not_started()
    {
        foreach (var target in TestPlan.Shipped.Catalog.Targets)
        {
            var progress = TargetEvaluation.Evaluate(target, [], null, MidPlan);
            Assert.Equal(TargetStatus.NotStarted, progress.Status);
            Assert.Equal(0, progress.Actual);
        }
    }
}
