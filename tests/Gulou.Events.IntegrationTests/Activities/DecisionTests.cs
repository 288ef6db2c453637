using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>Decisions that stick: a rejection stands through the reporter's amendments until a unit decides again.</summary>
[Collection(AppCollection.Name)]
public sealed class DecisionTests(AppFixture app)
{
    public static TheoryData<string> Amendments() => ["attendance", "evidence", "corrections"];

    [Theory]
    [MemberData(nameof(Amendments))]
    public async Task A_rejected_activity_amended_by_its_reporter_is_out_of_every_figure_until_a_unit_verifies_it(string amendment)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var education = await district.UnitAsync("EDU");
        var cast = await district.UnitAsync("CAST");
        var auditor = await district.AuditorAsync();
        var kept = await partner.ReportAsync(Reports.Competition("C-1", 400, new DateOnly(2023, 3, 1)));
        var activity = await partner.ReportAsync(Reports.Competition("C-2", 100, new DateOnly(2023, 4, 1)));
        var rejected = (await education.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无签到表"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        object body = amendment switch
        {
            "attendance" => new RecordAttendance(rejected.Version, Youth: 5),
            "evidence" => new AttachEvidence(rejected.Version, EvidenceKind.AttendanceSheet, "https://example.org/sheet.pdf"),
            _ => new CorrectActivity(rejected.Version, Attendance: new AudienceCounts(Youth: 105)),
        };
        var amended = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/{amendment}", body)).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(ActivityStatus.Resubmitted, amended.Status);
        Assert.Equal((VerificationDecision.Rejected, "EDU", "无签到表"), (amended.Verification!.Decision, amended.Verification.UnitCode, amended.Verification.Reason));
        var figures = await FiguresAsync(auditor, partner.InstitutionId);
        Assert.Equal((400m, 400, 400, 400, 1), figures);
        var queue = (await education.GetAsync("/api/v1/verifications?status=resubmitted")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>();
        Assert.Equal([activity.Id], queue.Items.Select(a => a.Id));

        var verified = (await cast.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified, "补充材料齐全"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(ActivityStatus.Verified, verified.Status);
        Assert.Equal((cast.InstitutionId, "CAST"), (verified.Verification!.UnitId, verified.Verification.UnitCode));
        var youth = 400 + amended.Attendance.Youth;
        Assert.Equal(((decimal)youth, youth, youth, youth, 2), await FiguresAsync(auditor, partner.InstitutionId));
        Assert.Empty((await education.GetAsync("/api/v1/verifications?status=resubmitted")).As<PagedList<ActivityDto>>().Items);
        _ = kept;
    }

    [Fact]
    public async Task A_verified_activity_amended_stays_official_and_leaves_the_verified_figures()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var education = await district.UnitAsync("EDU");
        var activity = await partner.ReportAsync(Reports.Competition("C-1", 100, new DateOnly(2023, 4, 1)));
        var verified = (await education.PostAsync($"/api/v1/activities/{activity.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).As<ActivityDto>();

        var amended = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/attendance", new RecordAttendance(verified.Version, Youth: 1))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(ActivityStatus.Reported, amended.Status);
        var target = (await education.GetAsync("/api/v1/progress/targets/T-COMPETITION?year=2023&waitForNonStale=true")).As<TargetProgressDto>();
        Assert.Equal((101m, 0m), (target.Actual, target.VerifiedActual));
        Assert.Equal([activity.Id], (await education.GetAsync("/api/v1/verifications?status=pending")).As<PagedList<ActivityDto>>().Items.Select(a => a.Id));
    }

    [Fact]
    public async Task The_coordinating_unit_decides_under_every_measure_and_a_participating_unit_under_none()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var cast = await district.UnitAsync("CAST");
        var civilization = await district.UnitAsync("CIVILIZATION");
        var union = await district.UnitAsync("UNION");
        var talk = await partner.ReportAsync(new ReportActivity("H-1", "health_talk", "老年健康讲座", new DateOnly(2023, 6, 1), Attendance: new AudienceCounts(Elderly: 80)));
        var lab = await partner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();

        (await civilization.PostAsync($"/api/v1/activities/{lab.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        (await union.PostAsync($"/api/v1/activities/{talk.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await district.EventCountAsync());

        var decided = (await cast.PostAsync($"/api/v1/activities/{talk.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无照片"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.Equal((ActivityStatus.Rejected, "CAST"), (decided.Status, decided.Verification!.UnitCode));
        var history = (await cast.GetAsync($"/api/v1/activities/{talk.Id}/history")).As<List<ActivityHistoryEntry>>();
        Assert.Equal(cast.InstitutionId, history[^1].InstitutionId);
        Assert.Contains("\"unitCode\":\"CAST\"", System.Text.Json.JsonSerializer.Serialize(history[^1].Data), StringComparison.Ordinal);
    }

    /// <summary>The activity figures a competition adds to: its target, its measure, a lead and a participating unit, and the reporter's row.</summary>
    private static async Task<(decimal Target, int Measure, int Unit, int Participating, int Activities)> FiguresAsync(Actor reader, Guid institution)
    {
        var target = (await reader.GetAsync("/api/v1/progress/targets/T-COMPETITION?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<TargetProgressDto>();
        var measure = (await reader.GetAsync("/api/v1/progress/measures/ACT-03?year=2023")).As<MeasureProgressDto>();
        var units = (await reader.GetAsync("/api/v1/progress/units?year=2023")).As<UnitsOverview>();
        return (
            target.Actual,
            measure.Official.PersonTimes.Youth,
            units.Units.Single(u => u.UnitCode == "EDU").Official.PersonTimes.Youth,
            units.Units.Single(u => u.UnitCode == "CIVILIZATION").Official.PersonTimes.Youth,
            units.Institutions.Single(i => i.InstitutionId == institution).Official.Activities);
    }
}
