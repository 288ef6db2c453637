using Gulou.Events.Api.Activities.Verifying;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Activities;

public sealed class VerificationDecisionTests
{
    private static Institution Unit(string code) => new() { Id = Guid.NewGuid(), Name = code, Role = Role.Unit, UnitCode = code };

    [Theory]
    [InlineData("EDU", true)] // leads ACT-02
    [InlineData("CAST", true)] // leads ACT-02, and coordinates the plan
    [InlineData("CIVILIZATION", false)] // takes part in ACT-02, leads nothing
    [InlineData("HEALTH", false)]
    [InlineData(null, false)]
    public void The_lead_units_of_the_measures_decide(string? code, bool decides) =>
        Assert.Equal(decides, TestPlan.Shipped.MayDecide(code, ["ACT-02"]));

    [Fact]
    public void The_coordinating_unit_decides_under_every_measure()
    {
        Assert.Equal("CAST", TestPlan.Shipped.CoordinatingUnit);
        Assert.All(TestPlan.Shipped.Catalog.Measures, m => Assert.True(TestPlan.Shipped.MayDecide("CAST", [m.Code]), m.Code));
        Assert.False(TestPlan.Shipped.MayDecide("EDU", ["ACT-10"]));
        Assert.Equal(403, Assert.Throws<ProblemException>(() => VerifyActivityEndpoint.EnsureMayDecide(Unit("HEALTH"), Recorded(), TestPlan.Shipped)).Status);
    }

    [Fact]
    public void A_decision_records_the_deciding_unit_and_its_code()
    {
        var edu = Unit("EDU");

        var verified = Assert.IsType<ActivityVerified>(Assert.Single(VerifyActivityEndpoint.Decide(new VerifyActivity(VerificationDecision.Verified), Recorded(), edu)));
        var rejected = Assert.IsType<ActivityRejected>(Assert.Single(VerifyActivityEndpoint.Decide(new VerifyActivity(VerificationDecision.Rejected, "无签到表"), Recorded(), edu)));

        Assert.Equal((edu.Id, "EDU"), (verified.UnitId, verified.UnitCode));
        Assert.Equal((edu.Id, "EDU", RejectionReason.Other), (rejected.UnitId, rejected.UnitCode, rejected.ReasonCode!.Value));
    }

    [Theory]
    [InlineData(ActivityStatus.Resubmitted)]
    [InlineData(ActivityStatus.NeedsReview)]
    [InlineData(ActivityStatus.Reported)]
    public void An_activity_awaiting_a_decision_is_verified(ActivityStatus status) =>
        Assert.IsType<ActivityVerified>(Assert.Single(VerifyActivityEndpoint.Decide(new VerifyActivity(VerificationDecision.Verified), Recorded(status: status), Unit("CAST"))));

    [Fact]
    public void A_duplicate_rejection_names_the_original_and_is_recorded_once()
    {
        var original = Guid.NewGuid();
        var request = new VerifyActivity(VerificationDecision.Rejected, ReasonCode: RejectionReason.DuplicateOf, DuplicateOf: original);
        var activity = Recorded();

        var rejected = Assert.IsType<ActivityRejected>(Assert.Single(VerifyActivityEndpoint.Decide(request, activity, Unit("EDU"))));
        activity.Apply(Events.Of(rejected));

        Assert.Equal((RejectionReason.DuplicateOf, original), (rejected.ReasonCode!.Value, rejected.DuplicateOf!.Value));
        Assert.Contains(original.ToString(), rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(VerifyActivityEndpoint.Decide(request, activity, Unit("EDU")));
        Assert.Single(VerifyActivityEndpoint.Decide(request with { DuplicateOf = Guid.NewGuid() }, activity, Unit("EDU")));
    }

    [Fact]
    public void A_duplicate_rejection_needs_the_other_activity_and_nothing_else_takes_one()
    {
        var validator = new VerifyActivityValidator();

        Assert.Contains(validator.Validate(new VerifyActivity(VerificationDecision.Rejected, ReasonCode: RejectionReason.DuplicateOf)).Errors, e => e.PropertyName == "duplicateOf");
        Assert.Contains(validator.Validate(new VerifyActivity(VerificationDecision.Rejected, "x", DuplicateOf: Guid.NewGuid())).Errors, e => e.PropertyName == "duplicateOf");
        Assert.Contains(validator.Validate(new VerifyActivity(VerificationDecision.Verified, ReasonCode: RejectionReason.Other)).Errors, e => e.PropertyName == "reasonCode");
        Assert.True(validator.Validate(new VerifyActivity(VerificationDecision.Rejected, ReasonCode: RejectionReason.DuplicateOf, DuplicateOf: Guid.NewGuid())).IsValid);
    }
}
