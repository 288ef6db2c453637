using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// 2023 is closed: every write that would change one of its figures is refused with 409 year_locked and changes
/// nothing, whoever sends it, by every write path; writes that leave its figures alone go through; an exception the
/// coordinating unit grants lets one institution write until it expires (the service's clock is moved forward, not
/// waited for), and a reopening unlocks the year.
/// </summary>
// Moves the shared host's clock forward: runs alone.
[Collection(AloneCollection.Name)]
public sealed class LockTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private District _district = null!;
    private Actor _fzu = null!, _school = null!, _edu = null!, _cast = null!;
    private ActivityDto _competition = null!, _lab = null!, _nextYear = null!;
    private DesignationDto _community = null!;
    private VolunteerDto _volunteer = null!;

    public async Task InitializeAsync()
    {
        _district = await app.NewDistrictAsync();
        _fzu = await _district.PartnerAsync("福州大学");
        _school = await _district.PartnerAsync("福州第十六中学");
        _edu = await _district.UnitAsync("EDU");
        _cast = await _district.UnitAsync("CAST");

        _competition = await _fzu.ReportAsync(Reports.Competition("C-2023", 300, new DateOnly(2023, 6, 1)));
        _lab = await _fzu.ReportAsync(Reports.LabOpenDay("L-2023"));
        _nextYear = await _fzu.ReportAsync(Reports.Competition("C-2024", 50, new DateOnly(2024, 3, 1)));
        _community = (await _cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "GL-1", DesignationLevel.City, new DateOnly(2023, 4, 1))))
            .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        _volunteer = (await _fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 2, 1)))).ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();

        await ReviewSteps.CloseWithoutSignoffAsync(_district.Admin, 2023, DateTimeOffset.UtcNow);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_write_that_would_change_a_closed_years_figures_is_refused_and_changes_nothing()
    {
        var before = await _district.EventCountAsync();
        var c = _competition;
        var refusals = new Dictionary<string, ApiResponse>
        {
            ["report"] = await _fzu.PostAsync("/api/v1/activities", Reports.Competition("C-2023-late", 10, new DateOnly(2023, 12, 1))),
            ["attendance"] = await _fzu.PostAsync($"/api/v1/activities/{c.Id}/attendance", new RecordAttendance(c.Version, Youth: 5)),
            ["correction"] = await _fzu.PostAsync($"/api/v1/activities/{c.Id}/corrections", new CorrectActivity(c.Version, Attendance: new AudienceCounts(Youth: 250))),
            ["move out"] = await _fzu.PostAsync($"/api/v1/activities/{c.Id}/corrections", new CorrectActivity(c.Version, OccurredOn: new DateOnly(2024, 1, 2))),
            ["move in"] = await _fzu.PostAsync($"/api/v1/activities/{_nextYear.Id}/corrections", new CorrectActivity(_nextYear.Version, OccurredOn: new DateOnly(2023, 12, 30))),
            ["retraction"] = await _fzu.PostAsync($"/api/v1/activities/{c.Id}/retraction", new RetractActivity(c.Version, "重复")),
            ["verification"] = await _edu.PostAsync($"/api/v1/activities/{c.Id}/verification", new VerifyActivity(VerificationDecision.Verified)),
            ["rejection"] = await _edu.PostAsync($"/api/v1/activities/{c.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无佐证")),
            // A lab open day of 2022 adds to the running count of distinct institutions that 2023 closed with.
            ["earlier cumulative"] = await _school.PostAsync("/api/v1/activities", Reports.LabOpenDay("L-2022") with { OccurredOn = new DateOnly(2022, 5, 1) }),
            ["designation"] = await _cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "GL-2", DesignationLevel.City, new DateOnly(2023, 9, 1))),
            ["revocation"] = await _cast.PostAsync($"/api/v1/designations/{_community.Id}/revocation", new RevokeDesignation("撤销", new DateOnly(2023, 12, 1))),
            ["registration"] = await _school.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonB, new DateOnly(2023, 5, 1))),
            ["deregistration"] = await _fzu.PostAsync($"/api/v1/volunteers/{_volunteer.PersonKey}/deregistration", new DeregisterVolunteer(new DateOnly(2023, 11, 1))),
            ["observation"] = await _cast.PostAsync("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2023, 12, 100, "年度抽样调查")),
        };

        foreach (var (write, response) in refusals)
        {
            Assert.True(response.Status == HttpStatusCode.Conflict, $"{write}: {response.Status} {response.Body}");
            Assert.Equal(ErrorCodes.YearLocked, response.Problem(HttpStatusCode.Conflict).Code);
        }

        Assert.Equal([2023], refusals["report"].Json().GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(before, await _district.EventCountAsync());
    }

    [Fact]
    public async Task Batches_and_imports_answer_year_locked_for_each_item_of_a_closed_year()
    {
        var batch = (await _fzu.PostAsync("/api/v1/activities/batch", new ReportBatch([
                Reports.Competition("B-2023", 10, new DateOnly(2023, 8, 1)),
                Reports.Competition("B-2024", 10, new DateOnly(2024, 8, 1)),
            ]))).ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        Assert.Equal([(ReportOutcome.Conflict, ErrorCodes.YearLocked), (ReportOutcome.Created, null)], batch.Items.Select(i => (i.Outcome, i.Code)));

        var before = await _district.EventCountAsync();
        var atomic = await _fzu.PostAsync("/api/v1/activities/batch?atomic=true", new ReportBatch([
            Reports.Competition("A-2023", 10, new DateOnly(2023, 8, 2)),
            Reports.Competition("A-2025", 10, new DateOnly(2025, 8, 2)),
        ]));
        Assert.Equal(ErrorCodes.YearLocked, atomic.Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(before, await _district.EventCountAsync());

        var csv = "externalRef,kind,title,occurredOn,youth\r\nI-2023,competition,机器人竞赛,2023-10-01,40\r\nI-2025,competition,机器人竞赛,2025-10-01,40\r\n";
        var imported = (await _fzu.PostRawAsync("/api/v1/activities/import", csv, "text/csv")).ShouldBe(HttpStatusCode.OK).As<ImportResult>();
        Assert.Equal([(2, ReportOutcome.Conflict, ErrorCodes.YearLocked), (3, ReportOutcome.Created, null)], imported.Items.Select(i => (i.Line, i.Outcome, i.Code)));
    }

    [Fact]
    public async Task Writes_that_leave_the_closed_years_figures_alone_go_through()
    {
        var lab = await _fzu.ActivityAsync(_lab.Id);
        (await _fzu.PostAsync($"/api/v1/activities/{lab.Id}/evidence", new AttachEvidence(lab.Version, EvidenceKind.Photo, "https://example.org/lab.jpg", ContainsMinors: false))).ShouldBe(HttpStatusCode.OK);
        lab = await _fzu.ActivityAsync(_lab.Id);
        (await _fzu.PostAsync($"/api/v1/activities/{lab.Id}/corrections", new CorrectActivity(lab.Version, Title: "化学实验室开放日（更正名称）"))).ShouldBe(HttpStatusCode.OK);
        (await _fzu.PostAsync("/api/v1/activities", Reports.Competition("C-2025", 10, new DateOnly(2025, 1, 5)))).ShouldBe(HttpStatusCode.Created);
        var next = await _fzu.ActivityAsync(_nextYear.Id);
        (await _fzu.PostAsync($"/api/v1/activities/{next.Id}/attendance", new RecordAttendance(next.Version, Youth: 5))).ShouldBe(HttpStatusCode.OK);
        (await _school.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonB, new DateOnly(2024, 5, 1)))).ShouldBe(HttpStatusCode.Created);
        (await _cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "GL-3", DesignationLevel.City, new DateOnly(2024, 2, 1)))).ShouldBe(HttpStatusCode.Created);
        (await _cast.PostAsync("/api/v1/indicators/T-LITERACY/observations", new RecordObservation(2024, 14, 100, "年度抽样调查"))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_exception_lets_one_institution_write_until_it_expires_and_a_reopening_unlocks_the_year()
    {
        (await _edu.PostAsync("/api/v1/reviews/2023/exceptions", new YearExceptionGrant(_fzu.InstitutionId, "补报", DateTimeOffset.UtcNow.AddDays(7)))).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("expiresAt", (await _cast.PostAsync("/api/v1/reviews/2023/exceptions", new YearExceptionGrant(_fzu.InstitutionId, "补报", DateTimeOffset.UtcNow.AddDays(-1)))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("institutionId", (await _cast.PostAsync("/api/v1/reviews/2023/exceptions", new YearExceptionGrant(Guid.NewGuid(), "补报", DateTimeOffset.UtcNow.AddDays(7)))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(ErrorCodes.InvalidState, (await _cast.PostAsync("/api/v1/reviews/2024/exceptions", new YearExceptionGrant(_fzu.InstitutionId, "补报", DateTimeOffset.UtcNow.AddDays(7)))).Problem(HttpStatusCode.Conflict).Code);

        var granted = await ReviewSteps.GrantAsync(_cast, 2023, _fzu.InstitutionId, AppFixture.Clock.GetUtcNow());
        Assert.Equal((_fzu.InstitutionId, "补报遗漏活动", false), (granted.InstitutionId, granted.Reason, granted.Expired));
        var late = (await _fzu.PostAsync("/api/v1/activities", Reports.Competition("C-2023-late", 10, new DateOnly(2023, 12, 1)))).ShouldBe(HttpStatusCode.Created).As<ActivityDto>();
        var verified = (await _edu.PostAsync($"/api/v1/activities/{late.Id}/verification", new VerifyActivity(VerificationDecision.Verified))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.All((await _fzu.GetAsync($"/api/v1/activities/{late.Id}/history")).As<List<ActivityHistoryEntry>>(), e => Assert.True(e.Late));
        Assert.Equal(ErrorCodes.YearLocked, (await _school.PostAsync("/api/v1/activities", Reports.Competition("S-2023-late", 10, new DateOnly(2023, 12, 1)))).Problem(HttpStatusCode.Conflict).Code);
        var signoff = (await _cast.GetAsync("/api/v1/reviews/2023/signoff")).As<YearSignoffDto>();
        Assert.Equal(granted.Id, Assert.Single(signoff.Exceptions).Id);

        using (AppFixture.Clock.Advance(TimeSpan.FromDays(8)))
        {
            Assert.True(Assert.Single((await _cast.GetAsync("/api/v1/reviews/2023/signoff")).As<YearSignoffDto>().Exceptions).Expired);
            var refused = await _fzu.PostAsync($"/api/v1/activities/{late.Id}/attendance", new RecordAttendance(verified.Version, Youth: 5));
            Assert.Equal(ErrorCodes.YearLocked, refused.Problem(HttpStatusCode.Conflict).Code);
        }

        (await _cast.PostAsync("/api/v1/reviews/2023/reopening", new ReopenYear("补报期结束后重新汇总"))).ShouldBe(HttpStatusCode.OK);
        (await _school.PostAsync("/api/v1/activities", Reports.Competition("S-2023-late", 10, new DateOnly(2023, 12, 1)))).ShouldBe(HttpStatusCode.Created);
        var c = await _fzu.ActivityAsync(_competition.Id);
        (await _fzu.PostAsync($"/api/v1/activities/{c.Id}/attendance", new RecordAttendance(c.Version, Youth: 5))).ShouldBe(HttpStatusCode.OK);
    }
}
