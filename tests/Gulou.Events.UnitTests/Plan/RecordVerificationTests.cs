using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Designations.Recording;
using Gulou.Events.Api.Designations.Revoking;
using Gulou.Events.Api.Designations.Verifying;
using Gulou.Events.Api.Indicators.Observing;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;

namespace Gulou.Events.UnitTests.Plan;

/// <summary>The decisions on designations and observations: who answers for a target, and what a decision records.</summary>
public sealed class RecordVerificationTests
{
    private static readonly CurrentPlan Plan = TestPlan.Shipped;

    private static Institution Unit(string code) => new() { Id = Guid.NewGuid(), Role = Role.Unit, UnitCode = code, LeadsMeasures = Plan.MeasuresLedBy(code) };

    [Theory]
    [InlineData("EDU", "T-TEACHERS", true)]            // leads ACT-04
    [InlineData("CIVILIZATION", "T-TEACHERS", true)]   // takes part in ACT-04
    [InlineData("CAST", "T-STUDIOS", true)]            // coordinates the plan
    [InlineData("HEALTH", "T-STUDIOS", false)]
    [InlineData("CIVILIZATION", "T-BASES", true)]      // takes part in PRJ-09, which 区科协 alone leads
    [InlineData("HEALTH", "T-LITERACY", true)]         // a goal of the whole plan
    [InlineData("EDU", "T-ELDERLY-FITNESS", false)]
    public void A_unit_answers_for_the_targets_of_the_measures_it_leads_or_takes_part_in_and_the_coordinator_for_all(string unit, string target, bool answers) =>
        Assert.Equal(answers, RecordVerification.AnswersFor(Unit(unit), Plan.Target(target)!, Plan));

    [Fact]
    public void Volunteers_are_verified_by_the_coordinating_unit_only_here()
    {
        var volunteers = Plan.Target("T-VOLUNTEERS")!;

        Assert.True(RecordVerification.CoordinatesOrLeads(Unit("CAST"), volunteers, Plan));
        Assert.False(RecordVerification.CoordinatesOrLeads(Unit("HEALTH"), volunteers, Plan));
        Assert.False(RecordVerification.CoordinatesOrLeads(Unit("EDU"), volunteers, Plan));
    }

    private static DesignationRecord Designation(Guid recordedBy, params DesignationLevel[] levels)
    {
        var id = Guid.NewGuid();
        DesignationRecord? record = null;
        foreach (var level in levels)
        {
            var designated = Activities.Events.Of(new SubjectDesignated(id, DesignationKind.CertifiedCommunity, "C-1", "C-1", level, new DateOnly(2022, 1, 1), recordedBy));
            if (record is null)
            {
                record = DesignationRecord.Create(designated);
            }
            else
            {
                record.Apply(designated);
            }
        }

        return record!;
    }

    [Fact]
    public void A_unit_never_decides_on_an_award_it_recorded()
    {
        var cast = Unit("CAST");
        var designation = Designation(cast.Id, DesignationLevel.City);

        var refused = Assert.Throws<ProblemException>(() => VerifyDesignationEndpoint.Decide(new VerifyDesignation(VerificationDecision.Verified), designation, cast));

        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public void A_decision_covers_the_awards_at_its_level_and_is_recorded_once()
    {
        var civilization = Unit("CIVILIZATION");
        var designation = Designation(Guid.NewGuid(), DesignationLevel.District, DesignationLevel.City);

        var decided = Assert.IsType<DesignationRejected>(VerifyDesignationEndpoint.Decide(new VerifyDesignation(VerificationDecision.Rejected, " 无批文 ", DesignationLevel.City), designation, civilization));
        Assert.Equal((DesignationLevel.City, "无批文"), (decided.Level, decided.Reason));
        designation.Apply(Activities.Events.Of(decided));

        Assert.Null(designation.Awards.Single(a => a.Level == DesignationLevel.District).Verification);
        Assert.Null(VerifyDesignationEndpoint.Decide(new VerifyDesignation(VerificationDecision.Rejected, "无批文", DesignationLevel.City), designation, civilization));
        Assert.NotNull(VerifyDesignationEndpoint.Decide(new VerifyDesignation(VerificationDecision.Rejected, "另一原因", DesignationLevel.City), designation, civilization));
        Assert.Equal(409, Assert.Throws<ProblemException>(() =>
            VerifyDesignationEndpoint.Decide(new VerifyDesignation(VerificationDecision.Verified, Level: DesignationLevel.National), designation, civilization)).Status);
    }

    [Fact]
    public void A_revocation_is_for_cause_unless_the_unit_says_the_term_ended()
    {
        var designation = Designation(Guid.NewGuid(), DesignationLevel.City);

        Assert.True(RevokeDesignationEndpoint.Decide(new RevokeDesignation("r", new DateOnly(2023, 1, 1)), designation, Guid.NewGuid()).ForCause);
        Assert.False(RevokeDesignationEndpoint.Decide(new RevokeDesignation("r", new DateOnly(2023, 1, 1), ForCause: false), designation, Guid.NewGuid()).ForCause);
    }

    [Fact]
    public void The_same_teacher_again_records_nothing_unless_it_brings_another_subject()
    {
        var id = Guid.NewGuid();
        var request = new RecordDesignation(DesignationKind.BackboneTeacher, "T-1", DesignationLevel.District, new DateOnly(2022, 9, 1), TeachingSubject: "physics");
        var teacher = DesignationRecord.Create(Activities.Events.Of(RecordDesignationEndpoint.Decide(request with { TeachingSubject = null }, id, null, Guid.NewGuid())!));

        var withSubject = RecordDesignationEndpoint.Decide(request, id, teacher, Guid.NewGuid());
        Assert.Equal("physics", withSubject!.TeachingSubject);
        teacher.Apply(Activities.Events.Of(withSubject));

        Assert.Null(RecordDesignationEndpoint.Decide(request, id, teacher, Guid.NewGuid()));
        Assert.Equal("chemistry", RecordDesignationEndpoint.Decide(request with { TeachingSubject = "chemistry" }, id, teacher, Guid.NewGuid())!.TeachingSubject);
    }

    [Fact]
    public void A_ranking_records_a_rank_and_a_survey_a_ratio()
    {
        var rank = new RecordObservation(2024, null, null, "通报", Rank: 2, Of: 13);
        var survey = new RecordObservation(2024, 170, 1000, "调查");

        Assert.Equal((2, 13), RecordObservationEndpoint.Decide(rank, Plan.Target("T-LITERACY-RANK-CITY")!, Guid.NewGuid()) is RankObserved r ? (r.Rank, r.Of) : default);
        Assert.IsType<IndicatorObserved>(RecordObservationEndpoint.Decide(survey, Plan.Target("T-LITERACY")!, Guid.NewGuid()));
        Assert.Equal(["rank"], Assert.Throws<ProblemException>(() => RecordObservationEndpoint.Decide(survey, Plan.Target("T-COMMUNITIES-RANK")!, Guid.NewGuid())).Errors!.Keys);
        Assert.Equal(["rank"], Assert.Throws<ProblemException>(() => RecordObservationEndpoint.Decide(rank, Plan.Target("T-LITERACY")!, Guid.NewGuid())).Errors!.Keys);
    }
}
