using System.Net;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class VerificationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_lead_unit_of_one_of_the_measures_verifies_and_a_correction_reopens_it()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var education = await district.UnitAsync("EDU");
        var activity = await partner.ReportAsync(Reports.LabOpenDay());

        var verified = (await education.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified, "材料齐全")))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        var corrected = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/corrections", new CorrectActivity(verified.Version, Title: "化学实验室开放日（修订）")))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(ActivityStatus.Verified, verified.Status);
        Assert.Equal(education.InstitutionId, verified.Verification!.UnitId);
        Assert.Equal(VerificationDecision.Verified, verified.Verification.Decision);
        Assert.Equal(ActivityStatus.Reported, corrected.Status);
        Assert.Null(corrected.Verification);
    }

    [Fact]
    public async Task Verifying_twice_records_one_decision()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var unit = await district.UnitAsync("CAST");
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        await unit.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified));
        var before = await district.EventCountAsync();

        var again = (await unit.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(2, again.Version);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_rejection_needs_a_reason()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var unit = await district.UnitAsync("EDU");
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();

        var problem = (await unit.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Rejected))).Problem(HttpStatusCode.BadRequest);
        var unknown = (await unit.PostRawAsync($"/api/v1/activities/{activity.Id}/verification", """{"decision":"approved"}""")).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("reason", problem.Errors.Keys);
        Assert.Contains("decision", unknown.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
        var rejected = (await unit.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无签到表"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.Equal(ActivityStatus.Rejected, rejected.Status);
        Assert.Equal("无签到表", rejected.Verification!.Reason);
    }

    [Fact]
    public async Task Units_not_leading_the_measures_partners_and_auditors_may_not_decide()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var health = await district.UnitAsync("HEALTH");
        var auditor = await district.AuditorAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();
        var url = $"/api/v1/activities/{activity.Id}/verification";

        (await health.PostAsync(url, new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        (await partner.PostAsync(url, new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        (await auditor.PostAsync(url, new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync(url, new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_retracted_activity_cannot_be_verified_and_a_stale_version_is_refused()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var unit = await district.UnitAsync("EDU");
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        (await unit.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified, ExpectedVersion: 5))).Problem(HttpStatusCode.Conflict);
        await partner.PostAsync($"/api/v1/activities/{activity.Id}/retraction", new RetractActivity(1, "取消"));

        var problem = (await unit.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Conflict);

        Assert.Equal("invalid_state", problem.Code);
    }
}
