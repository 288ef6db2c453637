using System.Net;
using System.Text;
using Gulou.Events.Client;
using Gulou.Events.Client.Resources;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Cities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Client;

/// <summary>The typed client against the real service: every route it knows is a route of the service and the other way round, and a whole year's work goes through it.</summary>
public sealed class ClientTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly ProgressFilter Fresh = new(Year: 2023, WaitForNonStale: true);

    private GulouClient ClientFor(string key) => new(app.Host.Server.CreateClient(), key);

    [Fact]
    public async Task The_client_knows_exactly_the_routes_of_the_service()
    {
        var served = await OpenApiRoutes.ListAsync(app);

        Assert.Equal(served.Order(StringComparer.Ordinal), ApiRoutes.All.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_year_of_work_goes_through_the_client_and_refusals_arrive_as_typed_problems()
    {
        // The super-administrator creates the district; its first administrator key is in the answer.
        var superAdministrator = ClientFor(AppFixture.SuperAdminKey);
        var code = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = await superAdministrator.Districts.CreateAsync(new CreateDistrict(code, "晋安区"));
        Assert.Contains(await superAdministrator.Districts.ListAsync(), d => d.Code == code);
        var admin = ClientFor(created.AdministratorKey.Key);
        Assert.Equal("晋安区", (await admin.Districts.GetOwnAsync()).Name);
        Assert.Equal(code, (await ClientFor((await superAdministrator.Districts.IssueAdministratorKeyAsync(code)).Key).Districts.GetOwnAsync()).Code);

        // The administrator registers a partner, two units and an auditor, and gives each a key.
        async Task<(InstitutionDto Institution, GulouClient Client)> RegisterAsync(RegisterInstitution institution)
        {
            var registered = await admin.Institutions.RegisterAsync(institution);
            return (registered, ClientFor((await admin.Institutions.IssueKeyAsync(registered.Id, "main")).Key));
        }

        var (fzu, partner) = await RegisterAsync(new RegisterInstitution("福州大学", InstitutionKind.University, Role.Partner));
        var (_, education) = await RegisterAsync(new RegisterInstitution("区教育局", InstitutionKind.Government, Role.Unit, "EDU"));
        var (_, health) = await RegisterAsync(new RegisterInstitution("区卫健局", InstitutionKind.Government, Role.Unit, "HEALTH"));
        var (_, cast) = await RegisterAsync(new RegisterInstitution("区科协", InstitutionKind.Government, Role.Unit, "CAST"));
        var (_, auditor) = await RegisterAsync(new RegisterInstitution("区审计局", InstitutionKind.Government, Role.Auditor));
        var spare = await admin.Institutions.IssueKeyAsync(fzu.Id, "spare");
        await admin.Institutions.RevokeKeyAsync(spare.KeyId, "lost");
        Assert.Equal(2, (await admin.Institutions.GetAsync(fzu.Id)).Keys.Count);
        Assert.Equal(1, (await auditor.Institutions.ListAsync(Role.Partner)).Total);
        var revoked = await Assert.ThrowsAsync<GulouApiException>(() => ClientFor(spare.Key).Plan.GetAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);

        // The partner reports: one activity, a batch, and a spreadsheet (tried first, then imported).
        Assert.Contains(await partner.Plan.GetAsync() is var plan ? plan.ActivityKinds : [], k => k.Code == "competition");
        var lab = await partner.Activities.ReportAsync(Reports.LabOpenDay("FZU-LAB-1"));
        var batch = await partner.Activities.ReportBatchAsync(new ReportBatch(
            [Reports.Competition("FZU-C-1", 1000, new DateOnly(2023, 4, 1)), Reports.LabOpenDay("FZU-LAB-1"), Reports.Competition("FZU-C-2", -5, new DateOnly(2023, 4, 2))]));
        Assert.Equal([ReportOutcome.Created, ReportOutcome.Duplicate, ReportOutcome.Rejected], batch.Items.Select(i => i.Outcome));

        var template = Encoding.UTF8.GetString(await partner.Activities.GetImportTemplateAsync());
        var csv = template.Split("\r\n")[0] + "\r\n" +
                  "FZU-C-3,competition,,机器人竞赛,2023-06-01,,旗山校区,,2000,,,,,,\r\n" +
                  "FZU-C-4,competition,,编程竞赛,2023-06-02,,,,abc,,,,,,\r\n";
        var tried = await partner.Activities.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), dryRun: true);
        var imported = await partner.Activities.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.True(tried.DryRun);
        Assert.Equal(tried.Items.Select(i => (i.Line, i.Outcome)), imported.Items.Select(i => (i.Line, i.Outcome)));
        Assert.Equal(new OutcomeCounts(1, 0, 0, 1), imported.Counts);
        Assert.Equal(["youth"], imported.Items[1].Errors!.Keys);

        // Refusals are typed problems: a taken reference, a bad field, an atomic batch that stores nothing.
        var conflict = await Assert.ThrowsAsync<GulouApiException>(() => partner.Activities.ReportAsync(Reports.LabOpenDay("FZU-LAB-1", youth: 1)));
        Assert.Equal((HttpStatusCode.Conflict, "external_ref_conflict"), (conflict.Status, conflict.Code));
        var invalid = await Assert.ThrowsAsync<GulouApiException>(() => partner.Activities.ReportAsync(Reports.LabOpenDay("X") with { Title = "" }));
        Assert.Equal("validation_failed", invalid.Code);
        Assert.Equal(["title"], invalid.Errors.Keys);
        var atomic = await Assert.ThrowsAsync<GulouApiException>(() => partner.Activities.ReportBatchAsync(new ReportBatch([Reports.LabOpenDay("NEW"), Reports.LabOpenDay("X") with { Kind = "party" }]), atomic: true));
        Assert.Equal(HttpStatusCode.BadRequest, atomic.Status);
        Assert.Equal([ReportOutcome.Created, ReportOutcome.Rejected], atomic.Extension<List<BatchItemResult>>("items")!.Select(i => i.Outcome));
        Assert.Equal(["items[1].kind"], atomic.Errors.Keys);

        // The partner amends its lab open day; the unit leading its measure verifies it.
        var attended = await partner.Activities.RecordAttendanceAsync(lab.Id, new RecordAttendance(lab.Version, Youth: 30));
        var evidenced = await partner.Activities.AttachEvidenceAsync(lab.Id, new AttachEvidence(attended.Version, EvidenceKind.Link, "https://example.org/photos"));
        var corrected = await partner.Activities.CorrectAsync(lab.Id, new CorrectActivity(evidenced.Version, Title: "化学与生物实验室开放日"));
        var verified = await education.Activities.VerifyAsync(lab.Id, new VerifyActivity(VerificationDecision.Verified));
        Assert.Equal((ActivityStatus.Verified, 150, "化学与生物实验室开放日"), (verified.Status, verified.Attendance.Youth, verified.Title));
        var stale = await Assert.ThrowsAsync<GulouApiException>(() => partner.Activities.RetractAsync(lab.Id, new RetractActivity(corrected.Version - 1, "重复")));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        var extra = await partner.Activities.ReportAsync(Reports.Competition("FZU-C-9", 1, new DateOnly(2023, 8, 1)));
        Assert.Equal(ActivityStatus.Retracted, (await partner.Activities.RetractAsync(extra.Id, new RetractActivity(1, "取消"))).Status);
        Assert.Equal(
            ["activity_reported", "attendance_recorded", "evidence_attached", "activity_corrected", "activity_verified"],
            (await auditor.Activities.GetHistoryAsync(lab.Id)).Select(e => e.Type));
        Assert.Equal(lab.Id, (await auditor.Activities.GetAsync(lab.Id)).Id);
        Assert.Equal(2, (await auditor.Activities.ListAsync(new ActivityFilter(Kind: "competition", Year: 2023, Counted: CountedAs.Official))).Total);
        Assert.Equal(2, (await education.Activities.ListAwaitingAsync(status: AwaitingDecision.Pending, year: 2023)).Total);
        Assert.Equal(1, (await auditor.Activities.ListAsync(new ActivityFilter(Status: ActivityStatus.Retracted))).Total);
        Assert.Equal(0, (await auditor.Activities.ListDuplicatesAsync(2023)).Total);
        Assert.Equal(0, (await auditor.Progress.ListSchoolsAsync(2023, covered: false)).Total);

        // Units record designations and a survey; the partner registers a volunteer.
        var teacher = await education.Designations.RecordAsync(new RecordDesignation(DesignationKind.BackboneTeacher, "T-1", DesignationLevel.District, new DateOnly(2023, 9, 1), TeachingSubject: "physics"));
        Assert.Equal(teacher.Id, (await auditor.Designations.GetAsync(teacher.Id)).Id);
        Assert.Equal(1, (await auditor.Designations.ListAsync(DesignationKind.BackboneTeacher, year: 2023)).Total);
        Assert.Equal(VerificationDecision.Verified, (await cast.Designations.VerifyAsync(teacher.Id, new VerifyDesignation(VerificationDecision.Verified))).Awards.Single().Verification!.Decision);
        Assert.Equal(1, (await auditor.Designations.ListAsync(target: "T-TEACHERS", year: 2023, counted: CountedAs.Verified)).Total);
        Assert.NotNull((await education.Designations.RevokeAsync(teacher.Id, new RevokeDesignation("调离", new DateOnly(2024, 1, 1)))).Awards.Single().RevokedOn);
        var volunteer = await partner.Volunteers.RegisterAsync(new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 1, 1)));
        Assert.Equal(1, (await auditor.Volunteers.ListAsync(fzu.Id)).Total);
        Assert.Equal(VerificationDecision.Verified, (await cast.Volunteers.VerifyAsync(volunteer.PersonKey, new VerifyRecord(VerificationDecision.Verified))).Verification!.Decision);
        Assert.False((await partner.Volunteers.DeregisterAsync(volunteer.PersonKey, new DeregisterVolunteer(new DateOnly(2024, 6, 1)))).Active);
        var personId = Guid.ParseExact(volunteer.PersonKey, "N");
        Assert.Equal(["volunteer"], (await partner.Persons.ExportAsync(personId)).Roles);
        Assert.True((await admin.Persons.EraseAsync(personId, new ErasePerson("本人申请删除", "PIPL Art. 47(1)"))).ErasedAt <= DateTimeOffset.UtcNow);
        Assert.True((await auditor.Volunteers.ListAsync(fzu.Id)).Items.Single().Person!.Erased);
        Assert.Empty((await admin.Persons.GetRetentionReportAsync()).Due);
        Assert.Equal(0, (await admin.Persons.RunRetentionAsync()).Erased);
        await health.Indicators.RecordObservationAsync("T-ELDERLY-FITNESS", new RecordObservation(2023, 66, 100, "区老年人体育协会抽样调查"));
        Assert.Single((await auditor.Indicators.GetObservationsAsync("T-ELDERLY-FITNESS")).Standing);
        Assert.NotNull((await cast.Indicators.VerifyObservationAsync("T-ELDERLY-FITNESS", 1, new VerifyRecord(VerificationDecision.Verified))).Observations[0].Verification);
        Assert.Empty((await health.Indicators.WithdrawObservationAsync("T-ELDERLY-FITNESS", 1, new WithdrawObservation("录入错误"))).Standing);

        // The figures count exactly what was accepted: 1,000 + 2,000 youth in competitions (the rejected and retracted count nothing).
        Assert.Equal(3000m, (await auditor.Progress.GetTargetAsync("T-COMPETITION", Fresh)).Actual);
        Assert.Equal(3000m, (await auditor.Progress.GetAsync(Fresh)).Targets.Single(t => t.Code == "T-COMPETITION").Actual);

        // The super-administrator makes the district a city of its own; the city auditor reads the same figure.
        var city = await superAdministrator.Cities.CreateAsync(new CreateCity("c" + code, "测试市", [code]));
        Assert.Contains(await superAdministrator.Cities.ListAsync(), c => c.Code == city.City.Code);
        Assert.Equal([code], (await superAdministrator.Cities.AddDistrictAsync(city.City.Code, code)).Districts);
        var cityAuditor = ClientFor((await superAdministrator.Cities.IssueKeyAsync(city.City.Code, "inspection")).Key);
        Assert.Equal(3000m, (await cityAuditor.Cities.GetProgressAsync(filter: Fresh)).Targets.Single(t => t.Code == "T-COMPETITION").Actual);
        Assert.Equal(code, (await cityAuditor.Cities.ListPlansAsync()).Single().District);
        await superAdministrator.Cities.RevokeKeyAsync(city.City.Code, city.AuditorKey.KeyId);
        Assert.Equal(2, (await auditor.Progress.GetMeasureAsync("ACT-03", Fresh)).ByYear.Single(y => y.Year == 2023).Official.Activities);
        Assert.NotEmpty((await auditor.Progress.ListMeasuresAsync(Fresh)).Measures);
        Assert.Contains((await auditor.Progress.GetUnitsAsync(Fresh)).Institutions, i => i.InstitutionId == fzu.Id);
        var exported = Encoding.UTF8.GetString(await auditor.Progress.ExportCsvAsync(ApiRoutes.GetTargetProgress, Fresh, "T-COMPETITION"));
        Assert.StartsWith("\uFEFFcode,year,actual", exported, StringComparison.Ordinal);

        // The year is reviewed and closed; the administrator checks the projections.
        Assert.Equal(3000m, (await auditor.Reviews.GetYearAsync(2023)).Current.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
        Assert.Null((await auditor.Reviews.GetPlanAsync(DateTimeOffset.UtcNow)).Year);
        Assert.Equal(SignoffState.Submitted, (await education.Reviews.SubmitAsync(2023, "EDU")).Units.Single(u => u.UnitCode == "EDU").State);
        var units = (await auditor.Reviews.GetSignoffAsync(2023)).Units.Select(u => u.UnitCode).ToList();
        await admin.Reviews.CloseYearAsync(2023, new CloseYear(DateTimeOffset.UtcNow, units, "未经各单位确认"));
        Assert.Equal([2023], (await auditor.Reviews.ListClosedYearsAsync()).Select(y => y.Year));
        Assert.Equal("intact", (await auditor.Reviews.VerifySealAsync(2023)).Result);
        Assert.True((await auditor.Reviews.GetSealAsync(2023)).Standing);
        Assert.Equal(2, (await auditor.Reviews.GetStatisticsAsync(2023)).Total.Cells.Single(c => c.Column == "competitions").Count);
        Assert.Contains((await auditor.Reviews.GetCompletenessAsync(2023)).Institutions, i => i.InstitutionId == fzu.Id);
        Assert.StartsWith("\uFEFF单位代码", Encoding.UTF8.GetString(await auditor.Reviews.ExportCsvAsync(ApiRoutes.GetYearStatistics, 2023)), StringComparison.Ordinal);
        var rebuilt = await CompletedAsync(admin, await admin.Projections.RebuildAsync("Progress"));
        var checkedAll = await CompletedAsync(admin, await admin.Projections.VerifyAsync());
        Assert.Equal(("succeeded", "succeeded"), (rebuilt.State, checkedAll.State));
        Assert.Contains((await admin.Projections.GetAsync()).Projections, p => p.Name == "Progress");
        var missing = await Assert.ThrowsAsync<GulouApiException>(() => admin.Projections.GetOperationAsync(Guid.NewGuid()));
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (missing.Status, missing.Code));
    }

    private static async Task<ProjectionOperationDto> CompletedAsync(GulouClient admin, ProjectionOperationDto operation)
    {
        for (var i = 0; i < 600 && operation.State is not ("succeeded" or "failed"); i++)
        {
            await Task.Delay(100);
            operation = await admin.Projections.GetOperationAsync(operation.Id);
        }

        return operation;
    }
}
