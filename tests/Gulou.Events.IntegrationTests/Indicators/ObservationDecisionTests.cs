using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Indicators;

/// <summary>Baselines, withdrawals and verifications of survey results, and the rankings recorded beside them.</summary>
[Collection(AppCollection.Name)]
public sealed class ObservationDecisionTests(AppFixture app)
{
    [Fact]
    public async Task A_withdrawn_observation_stays_in_the_history_and_its_year_falls_back_to_the_one_before()
    {
        var district = await app.NewDistrictAsync();
        var health = await district.UnitAsync("HEALTH");
        var cast = await district.UnitAsync("CAST");
        var auditor = await district.AuditorAsync();
        await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations", new RecordObservation(2023, 5800, 10000, "2023年调查"));
        await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations", new RecordObservation(2023, 6900, 10000, "2023年调查（误录）"));
        var before = await district.EventCountAsync();

        (await cast.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/2/withdrawal", new WithdrawObservation("录入错误"))).Problem(HttpStatusCode.Forbidden);
        (await auditor.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/2/withdrawal", new WithdrawObservation("录入错误"))).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("reason", (await health.PostRawAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/2/withdrawal", """{"reason":""}""")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        (await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/9/withdrawal", new WithdrawObservation("录入错误"))).Problem(HttpStatusCode.NotFound);
        Assert.Equal(before, await district.EventCountAsync());

        var withdrawn = (await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/2/withdrawal", new WithdrawObservation("录入错误"))).ShouldBe(HttpStatusCode.OK).As<IndicatorDto>();

        Assert.Equal(2, withdrawn.Observations.Count);
        Assert.Equal(("录入错误", health.InstitutionId), (withdrawn.Observations[1].Withdrawal!.Reason, withdrawn.Observations[1].Withdrawal!.UnitId));
        Assert.Equal(58m, Assert.Single(withdrawn.Standing).Percent);
        var figure = (await auditor.GetAsync("/api/v1/progress/targets/T-ELDERLY-FITNESS?year=2023&waitForNonStale=true")).As<TargetProgressDto>();
        Assert.Equal(58m, figure.Actual);
        (await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/2/withdrawal", new WithdrawObservation("again"))).Problem(HttpStatusCode.Conflict);
        (await cast.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations/2/verification", new VerifyRecord(VerificationDecision.Verified))).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_unit_answering_for_the_target_verifies_an_observation_and_the_recorder_may_not()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var education = await district.UnitAsync("EDU");
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        await cast.PostAsync("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2023, 150, 1000, "2023年抽样调查"));
        await cast.PostAsync("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2024, 175, 1000, "2024年抽样调查"));
        var before = await district.EventCountAsync();

        var own = (await cast.PostAsync("/api/v1/indicators/T-LITERACY/observations/1/verification", new VerifyRecord(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("recorded itself", own.Detail, StringComparison.Ordinal);
        (await partner.PostAsync("/api/v1/indicators/T-LITERACY/observations/1/verification", new VerifyRecord(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("reason", (await education.PostRawAsync("/api/v1/indicators/T-LITERACY/observations/1/verification", """{"decision":"rejected"}""")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());

        // T-LITERACY is a goal of the whole plan: any unit of the plan answers for it.
        (await education.PostAsync("/api/v1/indicators/T-LITERACY/observations/1/verification", new VerifyRecord(VerificationDecision.Verified))).ShouldBe(HttpStatusCode.OK);
        var rejected = (await education.PostAsync("/api/v1/indicators/T-LITERACY/observations/2/verification", new VerifyRecord(VerificationDecision.Rejected, "样本量不足")))
            .ShouldBe(HttpStatusCode.OK).As<IndicatorDto>();

        Assert.Equal(VerificationDecision.Rejected, rejected.Observations[1].Verification!.Decision);
        var figure = (await auditor.GetAsync("/api/v1/progress/targets/T-LITERACY?year=2024&waitForNonStale=true")).As<TargetProgressDto>();
        // 2024's survey was rejected: 2023's 15% stands, and it is verified.
        Assert.Equal((15m, 15m), (figure.Actual, figure.VerifiedActual));
    }

    [Fact]
    public async Task A_baseline_survey_is_the_baseline_and_not_the_figure_of_a_year_of_the_plan()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var auditor = await district.AuditorAsync();

        var recorded = (await cast.PostAsync("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2020, 190, 1000, "2020年基线调查")))
            .ShouldBe(HttpStatusCode.Created).As<IndicatorDto>();

        Assert.Empty(recorded.Standing);
        Assert.Equal(19m, recorded.Baseline!.Percent);
        var figure = (await auditor.GetAsync("/api/v1/progress/targets/T-LITERACY?year=2021&waitForNonStale=true")).As<TargetProgressDto>();
        Assert.Equal((0m, TargetStatus.NotStarted, 19m), (figure.Actual, figure.Status, figure.Baseline!.Value));
    }

    [Theory]
    [InlineData("T-LITERACY-RANK-CITY", """{"year":2024,"numerator":3,"denominator":13,"source":"s"}""", "rank")]
    [InlineData("T-LITERACY", """{"year":2024,"rank":3,"of":13,"source":"s"}""", "rank")]
    [InlineData("T-LITERACY-RANK-CITY", """{"year":2024,"rank":5,"of":4,"source":"s"}""", "of")]
    [InlineData("T-LITERACY-RANK-CITY", """{"year":2024,"rank":0,"of":13,"source":"s"}""", "rank")]
    [InlineData("T-LITERACY-RANK-CITY", """{"year":2024,"rank":2,"source":"s"}""", "of")]
    [InlineData("T-LITERACY-RANK-CITY", """{"year":2024,"rank":2,"of":13,"numerator":1,"source":"s"}""", "numerator")]
    public async Task A_ranking_takes_a_rank_of_so_many_districts_and_a_survey_takes_a_ratio(string target, string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var before = await district.EventCountAsync();

        var problem = (await cast.PostRawAsync($"/api/v1/indicators/{target}/observations", body)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_rank_is_recorded_by_the_unit_answering_for_it_and_read_beside_the_figure_it_ranks()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var health = await district.UnitAsync("HEALTH");
        var auditor = await district.AuditorAsync();
        (await health.PostAsync("/api/v1/indicators/T-COMMUNITIES-RANK/observations", new RecordObservation(2023, null, null, "2023年通报", Rank: 1, Of: 13))).Problem(HttpStatusCode.Forbidden);

        var recorded = (await cast.PostAsync("/api/v1/indicators/T-COMMUNITIES-RANK/observations", new RecordObservation(2023, null, null, "2023年全市科普标准化社区通报", Rank: 1, Of: 13)))
            .ShouldBe(HttpStatusCode.Created).As<IndicatorDto>();

        Assert.Equal((1, 13, 0m), (recorded.Standing.Single().Rank!.Value, recorded.Standing.Single().Of!.Value, recorded.Standing.Single().Percent));
        var rank = (await auditor.GetAsync("/api/v1/progress/targets/T-COMMUNITIES-RANK?year=2023&waitForNonStale=true")).As<TargetProgressDto>();
        Assert.Equal((1m, TargetStatus.Met, "T-COMMUNITIES", "ranking"), (rank.Actual, rank.Status, rank.Beside, rank.Kind));
        Assert.Equal("/api/v1/indicators/T-COMMUNITIES-RANK/observations", rank.Drilldown);
    }
}
