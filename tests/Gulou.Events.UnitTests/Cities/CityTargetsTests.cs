using Gulou.Events.Api.Cities.Reading;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.UnitTests.Cities;

public sealed class CityTargetsTests
{
    private static readonly DateOnly Today = new(2024, 7, 1);

    /// <summary>A district's own answer for 2023, from its competitions' youth person-times and its lab institutions.</summary>
    private static DistrictEvaluation District(string code, CurrentPlan plan, int competitionYouth, int labInstitutions)
    {
        var competition = Rollup.For(RollupKey.ForTarget("T-COMPETITION", 2023));
        competition.Official.Attendance = competition.Verified.Attendance = new AudienceCounts(Youth: competitionYouth);
        var rollups = new List<Rollup> { competition };
        var targets = plan.Catalog.Targets.Select(t => TargetEvaluation.Evaluate(t, rollups.Where(r => r.Target == t.Code).ToList(), 2023, Today)).ToList();
        targets = targets.Select(t => t.Code == "T-LAB-OPEN" ? t with { Actual = labInstitutions, VerifiedActual = labInstitutions } : t).ToList();
        return new DistrictEvaluation(code, plan, new ProgressOverview(2023, Today, new Freshness(1, 1, true), targets));
    }

    [Fact]
    public void Matching_additive_targets_are_the_sums_of_the_districts_and_the_others_say_why_not()
    {
        var combined = CityTargets.Combine([District("gulou", TestPlan.Shipped, 2100, 3), District("taijiang", TestPlan.Shipped, 4500, 2)]);

        var competition = combined.Single(t => t.Code == "T-COMPETITION");
        Assert.True(competition.Summed);
        Assert.Equal(6600, competition.Actual);
        Assert.Equal(12000, competition.TargetValue);
        Assert.Equal(0.55m, competition.Share);
        Assert.Equal([2100m, 4500m], competition.Districts.Select(d => d.Actual));
        Assert.Equal(5, combined.Single(t => t.Code == "T-LAB-OPEN").Actual);

        Assert.All(["T-LITERACY", "T-ELDERLY-FITNESS", "T-SCHOOLS", "T-LITERACY-RANK-CITY", "T-COMMUNITIES-RANK", "T-VOLUNTEERS"], code =>
        {
            var target = combined.Single(t => t.Code == code);
            Assert.Equal((false, CityTargets.NotAdditive), (target.Summed, target.NotSummed));
            Assert.Null(target.Actual);
            Assert.Equal(2, target.Districts.Count);
        });
        Assert.All(["T-TEACHERS", "T-STUDIOS", "T-COMMUNITIES", "T-BASES"], code => Assert.True(combined.Single(t => t.Code == code).Summed));
    }

    [Fact]
    public void A_target_counted_otherwise_in_one_district_or_missing_from_one_is_not_summed()
    {
        var otherwise = TestPlan.WithReading("T-TEACHERS", Contracts.Plan.TargetReading.Standing);
        var combined = CityTargets.Combine([District("gulou", TestPlan.Shipped, 100, 1), District("taijiang", otherwise, 200, 1)]);
        var teachers = combined.Single(t => t.Code == "T-TEACHERS");
        Assert.Equal(CityTargets.DiffersBetweenDistricts, teachers.NotSummed);
        Assert.Contains("counting", teachers.Why, StringComparison.Ordinal);
        Assert.True(combined.Single(t => t.Code == "T-COMPETITION").Summed);

        var without = CityTargets.Combine([District("gulou", TestPlan.Shipped, 100, 1), new DistrictEvaluation("cangshan", null, null)]);
        Assert.All(without, t => Assert.Equal((CityTargets.NotInEveryDistrict, "Not a target of the plan of cangshan."), (t.NotSummed, t.Why)));
        Assert.All(without, t => Assert.Equal(["gulou"], t.Districts.Select(d => d.District)));
    }
}
