using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>GET /api/v1/verifications: what awaits each unit's decision, oldest report first.</summary>
[Collection(AppCollection.Name)]
public sealed class VerificationQueueTests(AppFixture app)
{
    [Fact]
    public async Task Each_unit_lists_what_awaits_its_decision_and_the_coordinating_unit_everything()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var education = await district.UnitAsync("EDU");
        var health = await district.UnitAsync("HEALTH");
        var cast = await district.UnitAsync("CAST");
        var auditor = await district.AuditorAsync();
        var lab = await partner.ReportAsync(Reports.LabOpenDay("L-1"));
        var talk = await partner.ReportAsync(new ReportActivity("H-1", "health_talk", "老年健康讲座", new DateOnly(2022, 6, 1), Attendance: new AudienceCounts(Elderly: 80)));
        var crowd = await partner.ReportAsync(Reports.LabOpenDay("L-2", youth: 2_500));
        var competition = await partner.ReportAsync(Reports.Competition("C-1", 300, new DateOnly(2023, 7, 1)));
        var rejected = (await education.PostAsync($"/api/v1/activities/{competition.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无签到表"))).As<ActivityDto>();
        await partner.PostAsync($"/api/v1/activities/{competition.Id}/evidence", new AttachEvidence(rejected.Version, EvidenceKind.AttendanceSheet, "https://example.org/s.pdf"));
        var done = await partner.ReportAsync(Reports.Competition("C-2", 200, new DateOnly(2023, 8, 1)));
        (await cast.PostAsync($"/api/v1/activities/{done.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).ShouldBe(HttpStatusCode.OK);

        async Task<Guid[]> Queue(Actor who, string query = "") =>
            (await who.GetAsync($"/api/v1/verifications{query}")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>().Items.Select(a => a.Id).ToArray();

        // Oldest report first; verified and other units' activities are not waiting for this unit.
        Assert.Equal([lab.Id, crowd.Id, competition.Id], await Queue(education));
        Assert.Equal([talk.Id], await Queue(health));
        Assert.Equal([lab.Id, talk.Id, crowd.Id, competition.Id], await Queue(cast));
        Assert.Equal([talk.Id], await Queue(cast, "?unit=HEALTH"));
        Assert.Equal([lab.Id, talk.Id, crowd.Id, competition.Id], await Queue(auditor));
        Assert.Equal([lab.Id, crowd.Id, competition.Id], await Queue(district.Admin, "?unit=EDU"));

        Assert.Equal([lab.Id], await Queue(education, "?status=pending&year=2023&pageSize=1"));
        Assert.Equal([crowd.Id], await Queue(education, "?status=needs_review"));
        Assert.Equal([competition.Id], await Queue(education, "?status=resubmitted"));
        Assert.Equal(ActivityStatus.NeedsReview, (await partner.ActivityAsync(crowd.Id)).Status);
        var page = (await education.GetAsync("/api/v1/verifications?pageSize=2&page=2")).As<PagedList<ActivityDto>>();
        Assert.Equal((3L, 2, 2, competition.Id), (page.Total, page.Page, page.PageSize, page.Items.Single().Id));
    }

    [Fact]
    public async Task A_unit_lists_only_its_own_queue_partners_none_and_bad_filters_name_their_field()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var education = await district.UnitAsync("EDU");

        Assert.Equal(ErrorCodes.Forbidden, (await education.GetAsync("/api/v1/verifications?unit=HEALTH")).Problem(HttpStatusCode.Forbidden).Code);
        (await partner.GetAsync("/api/v1/verifications")).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("unit", (await education.GetAsync("/api/v1/verifications?unit=NOBODY")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("status", (await education.GetAsync("/api/v1/verifications?status=rejected")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("year", (await education.GetAsync("/api/v1/verifications?year=1900")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("pageSize", (await education.GetAsync("/api/v1/verifications?pageSize=0")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
    }
}
