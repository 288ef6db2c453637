using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Progress;

/// <summary>The counting rules as the fold runs them; the integration tests hold the drill-down to the same expressions.</summary>
public sealed class ActivityRulesTests
{
    private static readonly ActivityRules Rules = ActivityRules.Of(TestPlan.Shipped);

    [Theory]
    [InlineData(ActivityStatus.Reported, true, false)]
    [InlineData(ActivityStatus.Verified, true, true)]
    [InlineData(ActivityStatus.Rejected, false, false)]
    [InlineData(ActivityStatus.Retracted, false, false)]
    [InlineData(ActivityStatus.Resubmitted, false, false)]
    [InlineData(ActivityStatus.NeedsReview, false, false)]
    public void Only_reported_and_verified_activities_count_and_only_verified_ones_are_verified(ActivityStatus status, bool official, bool verified)
    {
        var activity = Recorded(status: status);

        Assert.Equal(official, ActivityRules.Official.Matches(activity));
        Assert.Equal(verified, ActivityRules.Verified.Matches(activity));
        Assert.Equal(status is ActivityStatus.Reported or ActivityStatus.Resubmitted or ActivityStatus.NeedsReview, ActivityRules.Awaiting(null).Matches(activity));
    }

    [Fact]
    public void A_units_rule_takes_every_measure_it_leads_or_takes_part_in()
    {
        var lab = Recorded(); // ACT-02

        Assert.True(Rules.OfUnit("EDU").Matches(lab));
        Assert.True(Rules.OfUnit("CIVILIZATION").Matches(lab));
        Assert.False(Rules.OfUnit("HEALTH").Matches(lab));
        Assert.False(Rules.DecidedBy("CIVILIZATION").Matches(lab));
        Assert.True(Rules.DecidedBy("CAST").Matches(Recorded(LabOpenDay() with { Kind = "health_talk", MeasureCodes = ["ACT-10"] })));
    }

    [Fact]
    public void The_youth_targets_need_youth_reached_and_the_rules_combine_into_one_expression()
    {
        var labs = TestPlan.Shipped.Target("T-LAB-OPEN")!;
        var withYouth = Recorded();
        var withoutYouth = Recorded(LabOpenDay() with { Attendance = new AudienceCounts(Public: 50) });

        Assert.True(Rules.Toward(labs).Matches(withYouth));
        Assert.False(Rules.Toward(labs).Matches(withoutYouth));
        Assert.Single(Rules.Toward(labs).Expression.Parameters);
        Assert.True(Rules.Toward(TestPlan.Shipped.Target("T-SCHOOLS")!).Matches(withYouth));
        Assert.False(Rules.Toward(TestPlan.Shipped.Target("T-COMPETITION")!).Matches(withYouth));
    }

    [Fact]
    public void Each_target_counts_its_own_institutions()
    {
        var host = Guid.NewGuid();
        var hosted = Recorded(LabOpenDay() with { HostInstitutionId = host });

        Assert.Equal([host], ActivityRules.InstitutionsCounted(TestPlan.Shipped.Target("T-LAB-OPEN")!, hosted));
        Assert.Equal([Institution, host], ActivityRules.InstitutionsCounted(TestPlan.Shipped.Target("T-SCHOOLS")!, hosted));
        Assert.Equal([Institution], ActivityRules.InstitutionsCounted(TestPlan.Shipped.Target("T-LAB-OPEN")!, Recorded()));
        Assert.True(ActivityRules.Involving(host).Matches(hosted));
        Assert.True(ActivityRules.Involving(Institution).Matches(hosted));
    }

    [Fact]
    public void The_fold_runs_each_rule_as_its_expression_says()
    {
        // The fold runs the rules rewritten for memory; the drill-down hands Marten the expressions as written.
        var plan = TestPlan.Shipped;
        var kinds = plan.Catalog.ActivityKinds.Select(k => k.Code).ToArray();
        var measures = plan.Catalog.Measures.Select(m => m.Code).ToArray();
        var random = new Random(11);
        var rules = plan.Catalog.Measures.Select(m => Rules.OfMeasure(m.Code))
            .Concat(plan.Catalog.Units.SelectMany(u => new[] { Rules.OfUnit(u.Code), Rules.DecidedBy(u.Code) }))
            .Concat(plan.Catalog.Targets.Select(Rules.Toward))
            .Append(ActivityRules.DecidedBy([plan], "CAST"))
            .ToList();
        var matched = 0;
        for (var i = 0; i < 300; i++)
        {
            var activity = Recorded(LabOpenDay() with
            {
                Kind = kinds[random.Next(kinds.Length)],
                MeasureCodes = measures.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList(),
                Attendance = new AudienceCounts(random.Next(2), random.Next(2), random.Next(2), random.Next(2), random.Next(2)),
            });
            foreach (var rule in rules)
            {
                var expected = rule.Expression.Compile(preferInterpretation: true)(activity);
                Assert.Equal(expected, rule.Matches(activity));
                matched += expected ? 1 : 0;
            }
        }

        Assert.InRange(matched, 300, 300 * rules.Count - 300);
    }
}
