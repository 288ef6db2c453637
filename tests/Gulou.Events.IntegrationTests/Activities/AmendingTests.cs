using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class AmendingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Attendance_evidence_correction_and_retraction_each_add_a_version()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var url = $"/api/v1/activities/{activity.Id}";

        var v2 = (await partner.PostAsync($"{url}/attendance", new RecordAttendance(1, Youth: 30, Elderly: 4, VolunteerHours: 6.5m))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        var v3 = (await partner.PostAsync($"{url}/evidence", new AttachEvidence(2, EvidenceKind.AttendanceSheet, "https://files.fzu.edu.cn/sheet.pdf", "签到表"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        var v4 = (await partner.PostAsync($"{url}/corrections", new CorrectActivity(3, Title: "化学与材料实验室开放日", OccurredOn: new DateOnly(2023, 5, 21)))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        var v5 = (await partner.PostAsync($"{url}/retraction", new RetractActivity(4, "与另一条记录重复"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(new AudienceCounts(Youth: 150, Elderly: 4, Public: 10), v2.Attendance);
        Assert.Equal(6.5m, v2.VolunteerHours);
        Assert.Equal("签到表", Assert.Single(v3.Evidence).Description);
        Assert.Equal((2, 3, 4, 5), (v2.Version, v3.Version, v4.Version, v5.Version));
        Assert.Equal("化学与材料实验室开放日", v4.Title);
        Assert.Equal(new DateOnly(2023, 5, 21), v4.OccurredOn);
        Assert.Equal(new AudienceCounts(Youth: 150, Elderly: 4, Public: 10), v4.Attendance);
        Assert.Equal(ActivityStatus.Retracted, v5.Status);
        Same.Json(v5, await partner.ActivityAsync(activity.Id));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_appends_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        await partner.PostAsync($"/api/v1/activities/{activity.Id}/attendance", new RecordAttendance(1, Youth: 1));
        var before = await district.EventCountAsync();

        foreach (var (path, body) in new (string, object)[]
                 {
                     ("attendance", new RecordAttendance(1, Youth: 1)),
                     ("evidence", new AttachEvidence(1, EvidenceKind.Link, "https://example.org/x")),
                     ("corrections", new CorrectActivity(1, Title: "x")),
                     ("retraction", new RetractActivity(1, "x")),
                 })
        {
            var problem = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/{path}", body)).Problem(HttpStatusCode.Conflict);
            Assert.Equal("version_conflict", problem.Code);
        }

        Assert.Equal(before, await district.EventCountAsync());
        Assert.Equal(2, (await partner.ActivityAsync(activity.Id)).Version);
    }

    [Fact]
    public async Task Only_the_reporting_partner_amends_and_refusals_change_nothing()
    {
        var district = await app.NewDistrictAsync();
        var owner = await district.PartnerAsync("福州大学");
        var other = await district.PartnerAsync("福建师范大学");
        var auditor = await district.AuditorAsync();
        var unit = await district.UnitAsync("EDU");
        var activity = await owner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();
        var url = $"/api/v1/activities/{activity.Id}/attendance";

        Assert.Equal("forbidden", (await other.PostAsync(url, new RecordAttendance(1, Youth: 1))).Problem(HttpStatusCode.Forbidden).Code);
        (await auditor.PostAsync(url, new RecordAttendance(1, Youth: 1))).Problem(HttpStatusCode.Forbidden);
        (await unit.PostAsync(url, new RecordAttendance(1, Youth: 1))).Problem(HttpStatusCode.Forbidden);
        (await other.PostAsync($"/api/v1/activities/{activity.Id}/retraction", new RetractActivity(1, "not mine"))).Problem(HttpStatusCode.Forbidden);

        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_retracted_activity_refuses_further_changes()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        await partner.PostAsync($"/api/v1/activities/{activity.Id}/retraction", new RetractActivity(1, "取消"));
        var before = await district.EventCountAsync();

        var problem = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/attendance", new RecordAttendance(2, Youth: 3))).Problem(HttpStatusCode.Conflict);

        Assert.Equal("invalid_state", problem.Code);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_keeps_the_version()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());

        var same = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/corrections", new CorrectActivity(1, Title: activity.Title)))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(1, same.Version);
    }

    [Fact]
    public async Task Amending_an_unknown_activity_is_not_found()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        (await partner.PostAsync($"/api/v1/activities/{Guid.NewGuid()}/attendance", new RecordAttendance(1, Youth: 1))).Problem(HttpStatusCode.NotFound);
        (await partner.PostAsync($"/api/v1/activities/{Guid.NewGuid()}/attendance", new RecordAttendance(7, Youth: 1))).Problem(HttpStatusCode.NotFound);
    }
}
