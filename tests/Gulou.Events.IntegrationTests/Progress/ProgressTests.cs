using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Progress;

/// <summary>
/// A scripted year-spanning history (corrections across a year boundary, rejections, retractions, verifications,
/// designations at several levels, volunteers shared by institutions, revised surveys), then every progress figure
/// against the figure computed by hand from what was posted, and every drill-down against the records behind it.
/// </summary>
// Its freshness answers (caught up with everything recorded) hold only when no other test writes at the same moment.
[Collection(AloneCollection.Name)]
public sealed class ProgressTests(AppFixture app) : IAsyncLifetime, IClassFixture<AppFixture>
{
    private readonly Ledger _ledger = new();
    private District _district = null!;
    private Actor _fzu = null!, _fjnu = null!, _school = null!, _primary = null!, _education = null!, _cast = null!, _union = null!, _auditor = null!;
    private PlanCatalog _plan = null!;

    /// <summary>The science-education kinds of T-SCHOOLS, as docs/counting.md names them.</summary>
    private static readonly string[] ScienceEducation = ["lab_open_day", "campus_lecture", "competition", "school_science_event"];
    private readonly Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _district = await app.NewDistrictAsync();
        _fzu = await _district.PartnerAsync("福州大学");
        _fjnu = await _district.PartnerAsync("福建师范大学");
        _school = await _district.SchoolAsync("福州第十六中学", SchoolStage.JuniorSecondary, SchoolStage.SeniorSecondary);
        _primary = await _district.SchoolAsync("鼓楼第一中心小学", SchoolStage.Primary);
        await _district.RegisterAsync("鼓楼实验幼儿园", Role.Partner, InstitutionKind.School);
        _education = await _district.UnitAsync("EDU");
        _cast = await _district.UnitAsync("CAST");
        _union = await _district.UnitAsync("UNION");
        _auditor = await _district.AuditorAsync();

        await Report(_fzu, "a1", "lab_open_day", "2022-05-01", new AudienceCounts(Youth: 100));
        await Report(_fjnu, "a2", "lab_open_day", "2023-04-01", new AudienceCounts(Public: 50));
        await Report(_fjnu, "a3", "lab_open_day", "2023-06-01", new AudienceCounts(Youth: 30));
        await Decide(_education, "a3", VerificationDecision.Rejected, "无签到表");
        await Report(_school, "a4", "lab_open_day", "2024-06-01", new AudienceCounts(Youth: 20));
        await Decide(_cast, "a4", VerificationDecision.Verified);
        await Report(_fzu, "a5", "competition", "2023-12-30", new AudienceCounts(Youth: 4000));
        await Amend(_fzu, "a5", "corrections", v => new CorrectActivity(v, OccurredOn: new DateOnly(2024, 1, 2), Attendance: new AudienceCounts(Youth: 3500)));
        await Report(_fjnu, "a6", "competition", "2023-03-01", new AudienceCounts(Youth: 6200));
        await Decide(_education, "a6", VerificationDecision.Verified);
        await Report(_school, "a7", "competition", "2023-05-01", new AudienceCounts(Youth: 300));
        await Amend(_school, "a7", "retraction", v => new RetractActivity(v, "重复"));
        await Report(_fzu, "a8", "health_talk", "2024-03-01", new AudienceCounts(Elderly: 80));
        await Amend(_fzu, "a8", "attendance", v => new RecordAttendance(v, Elderly: 20));
        await Report(_school, "a9", "volunteer_session", "2025-01-10", new AudienceCounts(Public: 30), hours: 12m);
        await Report(_fzu, "a10", "campus_lecture", "2021-09-01", new AudienceCounts(Youth: 200), measures: ["ACT-01", "PRJ-03"]);
        await Report(_fjnu, "a11", "competition", "2024-11-11", new AudienceCounts(Youth: 2700, Public: 5));
        await Decide(_education, "a11", VerificationDecision.Verified);
        await Amend(_fjnu, "a11", "attendance", v => new RecordAttendance(v, Youth: 100));
        // Rejected, then amended by its reporter: resubmitted, out of every figure until a unit decides.
        await Report(_fjnu, "a12", "competition", "2024-05-01", new AudienceCounts(Youth: 900));
        await Decide(_education, "a12", VerificationDecision.Rejected, "无签到表");
        await Amend(_fjnu, "a12", "attendance", v => new RecordAttendance(v, Youth: 10));
        // Above the ceiling of lab open days (2,000): held; and a health talk above its ceiling, verified by the coordinating unit.
        await Report(_fzu, "a13", "lab_open_day", "2024-09-01", new AudienceCounts(Youth: 3000));
        await Report(_fjnu, "a15", "health_talk", "2023-08-01", new AudienceCounts(Elderly: 1500));
        await Decide(_cast, "a15", VerificationDecision.Verified);
        // The school's pupils in FZU's lab: FZU is the lab that opened, the school is reached.
        await Report(_school, "a14", "lab_open_day", "2024-10-01", new AudienceCounts(Youth: 50), host: _fzu.InstitutionId);
        await Report(_fzu, "a16", "competition", "2022-04-01", new AudienceCounts(Youth: 500));
        _ledger.Track((await _cast.PostAsync($"/api/v1/activities/{_ids["a16"]}/verification",
            new VerifyActivity(VerificationDecision.Rejected, ReasonCode: RejectionReason.DuplicateOf, DuplicateOf: _ids["a10"]))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>());
        await Report(_fzu, "a17", "campus_lecture", "2023-10-10", new AudienceCounts(Youth: 300), host: _primary.InstitutionId);

        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-1", DesignationLevel.City, "2020-06-01");
        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-2", DesignationLevel.City, "2022-03-01");
        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-2", DesignationLevel.City, "2022-03-01");
        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-3", DesignationLevel.District, "2022-03-01");
        var gl4 = await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-4", DesignationLevel.City, "2023-01-15");
        (await _cast.PostAsync($"/api/v1/designations/{gl4}/revocation", new RevokeDesignation("复核未通过", new DateOnly(2024, 5, 1)))).ShouldBe(HttpStatusCode.OK);
        await Designate(_education, DesignationKind.BackboneTeacher, "T-1", DesignationLevel.District, "2021-09-10", "physics");
        await Designate(_education, DesignationKind.BackboneTeacher, "T-2", DesignationLevel.District, "2019-09-10", "chemistry");
        await Designate(_education, DesignationKind.BackboneTeacher, "T-3", DesignationLevel.District, "2023-09-10", "mathematics");
        await Designate(_education, DesignationKind.BackboneTeacher, "T-4", DesignationLevel.City, "2023-09-10", "biology");
        await Designate(_union, DesignationKind.ModelWorkerStudio, "S-1", DesignationLevel.City, "2022-04-28");

        var v1 = await Volunteer(_fzu, VolunteerTests.PersonA, "2022-03-01");
        await Volunteer(_fjnu, VolunteerTests.PersonA, "2023-03-01");
        var v2 = await Volunteer(_fzu, VolunteerTests.PersonB, "2022-09-01");
        (await _fzu.PostAsync($"/api/v1/volunteers/{v2}/deregistration", new DeregisterVolunteer(new DateOnly(2024, 7, 1)))).ShouldBe(HttpStatusCode.OK);
        await Volunteer(_school, "350102200001010011", "2025-02-01");
        _ = v1;

        await Observe("T-LITERACY", 2023, 150, "2023年抽样调查");
        await Observe("T-LITERACY", 2023, 160, "2023年抽样调查（复核）");
        await Observe("T-LITERACY", 2025, 185, "2025年抽样调查");
        _plan = (await _auditor.GetAsync("/api/v1/plan")).As<PlanCatalog>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_target_figure_of_a_year_equals_the_figure_computed_from_what_was_posted()
    {
        foreach (var year in new[] { 2022, 2023, 2024, 2025 })
        {
            var overview = await Overview($"year={year}");
            TargetProgressDto Target(string code) => overview.Targets.Single(t => t.Code == code);

            var competition = _ledger.Official.Where(a => a.Kind == "competition" && a.Year == year).Sum(a => a.Attendance.Youth);
            var verifiedCompetition = _ledger.Verified.Where(a => a.Kind == "competition" && a.Year == year).Sum(a => a.Attendance.Youth);
            // The lab that opened is the host, or the reporter when none is named.
            var labInstitutions = _ledger.Official.Where(a => a.Kind == "lab_open_day" && a.Attendance.Youth > 0 && a.Year <= year).Select(a => a.Place).Distinct().Count();
            Assert.Equal(competition, Target("T-COMPETITION").Actual);
            Assert.Equal(verifiedCompetition, Target("T-COMPETITION").VerifiedActual);
            Assert.Equal(labInstitutions, Target("T-LAB-OPEN").Actual);
            Assert.Equal(Coverage(year, verified: false), Target("T-SCHOOLS").Actual);
            Assert.Equal(Coverage(year, verified: true), Target("T-SCHOOLS").VerifiedActual);
        }

        Assert.Equal(50m, (await Overview("year=2023")).Targets.Single(t => t.Code == "T-SCHOOLS").Actual);

        var y2023 = await Overview("year=2023");
        var y2024 = await Overview("year=2024");
        var y2025 = await Overview("year=2025");
        decimal Of(ProgressOverview o, string code) => o.Targets.Single(t => t.Code == code).Actual;

        Assert.Equal(6200, Of(y2023, "T-COMPETITION"));
        Assert.Equal(3500 + 2800, Of(y2024, "T-COMPETITION"));
        // GL-1 (before the plan, a stock target), GL-2 once, GL-4 until its revocation in 2024; GL-3 is district level.
        Assert.Equal(3, Of(y2023, "T-COMMUNITIES"));
        Assert.Equal(2, Of(y2024, "T-COMMUNITIES"));
        // T-1 and T-3 are district backbone teachers within the plan; T-2 is older, T-4 city level.
        Assert.Equal(2, Of(y2025, "T-TEACHERS"));
        Assert.Equal(1, Of(y2025, "T-STUDIOS"));
        // Person A registered by two institutions is one volunteer; B left in 2024; C joined in 2025.
        Assert.Equal(2, Of(y2023, "T-VOLUNTEERS"));
        Assert.Equal(1, Of(y2024, "T-VOLUNTEERS"));
        Assert.Equal(2, Of(y2025, "T-VOLUNTEERS"));
        // The revised 2023 survey stands; 2024 has none, so 2023's is the latest.
        Assert.Equal(16m, Of(y2023, "T-LITERACY"));
        Assert.Equal(16m, Of(y2024, "T-LITERACY"));
        Assert.Equal(18.5m, Of(y2025, "T-LITERACY"));
        Assert.Equal(TargetStatus.Met, y2025.Targets.Single(t => t.Code == "T-LITERACY").Status);
        Assert.Equal(TargetStatus.NotStarted, y2025.Targets.Single(t => t.Code == "T-ELDERLY-FITNESS").Status);
    }

    [Fact]
    public async Task Over_the_plan_period_cumulative_targets_carry_their_yearly_series()
    {
        var labOpen = (await _auditor.GetAsync("/api/v1/progress/targets/T-LAB-OPEN?waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<TargetProgressDto>();
        var competition = (await _auditor.GetAsync("/api/v1/progress/targets/T-COMPETITION")).As<TargetProgressDto>();

        Assert.Equal([0m, 1m, 1m, 2m, 2m], labOpen.Series.Select(p => p.Actual));
        Assert.Equal([0m, 0m, 0m, 1m, 1m], labOpen.Series.Select(p => p.VerifiedActual));
        Assert.Equal(2, labOpen.Actual);
        Assert.Equal(0.2m, labOpen.Share);
        Assert.Equal(TargetStatus.Behind, labOpen.Status);
        Assert.Equal([0m, 0m, 6200m, 6300m, 0m], competition.Series.Select(p => p.Actual));
        Assert.Equal(TargetStatus.Behind, competition.Status);
        (await _auditor.GetAsync("/api/v1/progress/targets/T-NOPE")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Measure_figures_equal_the_hand_computed_counts_official_and_verified()
    {
        foreach (var (code, year) in new[] { ("ACT-02", 2023), ("ACT-03", 2024), ("ACT-10", 2024), ("ACT-01", 2021), ("PRJ-11", 2025) })
        {
            var measure = (await _auditor.GetAsync($"/api/v1/progress/measures/{code}?year={year}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<MeasureProgressDto>();

            AssertFigures(_ledger.Official.Where(a => a.Measures.Contains(code) && a.Year == year), measure.Official);
            AssertFigures(_ledger.Verified.Where(a => a.Measures.Contains(code) && a.Year == year), measure.Verified);
        }

        var overPlan = (await _auditor.GetAsync("/api/v1/progress/measures/ACT-02")).As<MeasureProgressDto>();
        AssertFigures(_ledger.Official.Where(a => a.Measures.Contains("ACT-02")), overPlan.Official);
        var all = (await _auditor.GetAsync("/api/v1/progress/measures?year=2024")).As<MeasuresOverview>();
        Assert.Equal(28, all.Measures.Count);
        AssertFigures(_ledger.Official.Where(a => a.Measures.Contains("ACT-03") && a.Year == 2024), all.Measures.Single(m => m.Code == "ACT-03").Official);
    }

    [Fact]
    public async Task Unit_and_institution_figures_count_each_activity_once()
    {
        var units = (await _auditor.GetAsync("/api/v1/progress/units?waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();

        // EDU leads 提升行动(一) and takes part in 工程(一), (三) and (五); the lecture under ACT-01 and PRJ-03 counts once.
        var eduMeasures = new[] { "ACT-01", "ACT-02", "ACT-03", "ACT-04", "ACT-05", "ACT-06", "ACT-07", "ACT-08", "PRJ-01", "PRJ-02", "PRJ-03", "PRJ-04", "PRJ-08", "PRJ-09", "PRJ-13", "PRJ-14" };
        AssertFigures(_ledger.Official.Where(a => a.Measures.Intersect(eduMeasures).Any()), units.Units.Single(u => u.UnitCode == "EDU").Official);
        AssertFigures(_ledger.Verified.Where(a => a.Measures.Intersect(eduMeasures).Any()), units.Units.Single(u => u.UnitCode == "EDU").Verified);
        // CAST leads or takes part in every section.
        AssertFigures(_ledger.Official, units.Units.Single(u => u.UnitCode == "CAST").Official);
        foreach (var unit in units.Units)
        {
            AssertFigures(_ledger.Official.Where(a => a.Measures.Intersect(MeasuresOf(unit.UnitCode)).Any()), unit.Official);
        }
        var fzu = units.Institutions.Single(i => i.InstitutionId == _fzu.InstitutionId);
        Assert.Equal("福州大学", fzu.Name);
        AssertFigures(_ledger.Official.Where(a => a.Institution == _fzu.InstitutionId), fzu.Official);
        Assert.Equal(_ledger.Official.Where(a => a.Institution == _fzu.InstitutionId).SelectMany(a => a.Measures).Distinct().Order(StringComparer.Ordinal), fzu.Measures.Select(m => m.Measure));
    }

    [Fact]
    public async Task Every_unit_of_the_plan_has_a_row_naming_its_role_in_each_of_its_measures()
    {
        var units = (await _auditor.GetAsync("/api/v1/progress/units?year=2024&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();

        Assert.Equal(_plan.Units.Select(u => u.Code).Order(StringComparer.Ordinal), units.Units.Select(u => u.UnitCode).Order(StringComparer.Ordinal));
        Assert.Equal(19, units.Units.Count);
        foreach (var unit in units.Units)
        {
            var lead = _plan.Measures.Where(m => m.LeadUnits.Contains(unit.UnitCode)).Select(m => m.Code).ToList();
            var participating = _plan.Measures.Where(m => m.ParticipatingUnits.Contains(unit.UnitCode) && !m.LeadUnits.Contains(unit.UnitCode)).Select(m => m.Code).ToList();
            Assert.Equal(lead, unit.LeadsMeasures);
            Assert.Equal(participating, unit.ParticipatesIn);
            Assert.Equal(lead.Select(m => (m, UnitRole.Lead)).Concat(participating.Select(m => (m, UnitRole.Participating))).OrderBy(x => x.m, StringComparer.Ordinal),
                unit.Measures.Select(m => (m.Measure, m.Role)).OrderBy(x => x.Measure, StringComparer.Ordinal));
            Assert.Equal(unit.UnitCode == "CAST", unit.Coordinates);
            AssertFigures(_ledger.Official.Where(a => a.Year == 2024 && a.Measures.Intersect(lead.Concat(participating)).Any()), unit.Official);
            Assert.Equal(Ids(_ledger.Official.Where(a => a.Year == 2024 && a.Measures.Intersect(lead.Concat(participating)).Any())), await ActivityIds(unit.Drilldown));
        }

        // 区委文明办 leads nothing; it takes part in 提升行动(一), (二), 工程(二), (三), (四).
        var civilization = units.Units.Single(u => u.UnitCode == "CIVILIZATION");
        Assert.Empty(civilization.LeadsMeasures);
        Assert.Equal(Ids("a4", "a5", "a11", "a14"), await ActivityIds(civilization.Drilldown));
    }

    [Fact]
    public async Task Every_figure_and_its_drilldown_count_the_same_activities_whatever_their_status()
    {
        Assert.Equal(Enum.GetValues<ActivityStatus>().Order(), _ledger.Activities.Select(a => a.Status).Distinct().Order());
        foreach (var status in Enum.GetValues<ActivityStatus>())
        {
            var listed = await ActivityIds($"/api/v1/activities?status={System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString())}");
            Assert.Equal(_ledger.Activities.Where(a => a.Status == status).Select(a => a.Id).ToHashSet(), listed);
        }

        foreach (var year in new int?[] { 2023, 2024, null })
        {
            var query = year is null ? "waitForNonStale=true" : $"year={year}&waitForNonStale=true";
            var units = (await _auditor.GetAsync($"/api/v1/progress/units?{query}")).As<UnitsOverview>();
            var measures = (await _auditor.GetAsync($"/api/v1/progress/measures?{query}")).As<MeasuresOverview>();
            var figures = units.Units.Select(u => (u.Drilldown, u.Official, u.Verified))
                .Concat(units.Units.SelectMany(u => u.Measures).Select(m => (m.Drilldown, m.Official, m.Verified)))
                .Concat(units.Institutions.Select(i => (i.Drilldown, i.Official, i.Verified)))
                .Concat(units.Institutions.SelectMany(i => i.Measures).Select(m => (m.Drilldown, m.Official, m.Verified)))
                .Concat(measures.Measures.Select(m => (m.Drilldown, m.Official, m.Verified)))
                .DistinctBy(f => f.Drilldown);
            foreach (var (drilldown, official, verified) in figures)
            {
                Assert.True(official.Activities == await TotalAsync(drilldown), $"{drilldown}: {official.Activities}");
                Assert.True(verified.Activities == await TotalAsync(drilldown.Replace("counted=official", "counted=verified", StringComparison.Ordinal)), $"{drilldown} (verified): {verified.Activities}");
            }
        }

        var competition = (await Overview("year=2024")).Targets.Single(t => t.Code == "T-COMPETITION");
        Assert.Equal(Ids(_ledger.Official.Where(a => a.Kind == "competition" && a.Year == 2024)), await ActivityIds(competition.Drilldown));
        Assert.Equal(Ids(_ledger.Verified.Where(a => a.Kind == "competition" && a.Year == 2024)), await ActivityIds(competition.Drilldown + "&counted=verified"));
    }

    [Fact]
    public async Task The_coverage_drilldown_lists_the_schools_each_year_left_out()
    {
        var schools = await Overview("year=2023");
        var target = schools.Targets.Single(t => t.Code == "T-SCHOOLS");

        var uncovered = (await _auditor.GetAsync(target.Drilldown)).ShouldBe(HttpStatusCode.OK).As<PagedList<SchoolCoverageDto>>();
        var all = (await _auditor.GetAsync("/api/v1/schools?year=2023")).As<PagedList<SchoolCoverageDto>>();
        var y2024 = (await _auditor.GetAsync("/api/v1/schools?year=2024&covered=false")).As<PagedList<SchoolCoverageDto>>();

        Assert.Equal("/api/v1/schools?target=T-SCHOOLS&year=2023&covered=false&plan=gulou-2021-2025", target.Drilldown);
        Assert.Equal([_school.InstitutionId], uncovered.Items.Select(s => s.InstitutionId));
        // The kindergarten teaches no stage the plan's 中小学 names: it is not in the register.
        Assert.Equal(2, all.Total);
        var primary = all.Items.Single(s => s.InstitutionId == _primary.InstitutionId);
        Assert.Equal((true, 1), (primary.Covered, primary.Activities));
        Assert.Equal([SchoolStage.Primary], primary.Stages);
        Assert.Equal(Ids("a17"), await ActivityIds(primary.Drilldown));
        Assert.Equal([_primary.InstitutionId], y2024.Items.Select(s => s.InstitutionId));
        (await _fzu.GetAsync("/api/v1/schools?year=2023")).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("year", (await _auditor.GetAsync("/api/v1/schools")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("target", (await _auditor.GetAsync("/api/v1/schools?year=2023&target=T-COMPETITION")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("year", (await _auditor.GetAsync("/api/v1/schools?year=2027&plan=gulou-2021-2025")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        (await _auditor.GetAsync("/api/v1/schools?year=2023&plan=no-such-plan")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(all.Total, (await _auditor.GetAsync("/api/v1/schools?year=2023&plan=gulou-2021-2025")).As<PagedList<SchoolCoverageDto>>().Total);
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_institution_row()
    {
        var units = (await _fzu.GetAsync("/api/v1/progress/units?waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();

        Assert.Equal(_fzu.InstitutionId, Assert.Single(units.Institutions).InstitutionId);
        Assert.Empty(units.Units);
    }

    [Fact]
    public async Task Every_drilldown_lists_exactly_the_records_behind_its_figure()
    {
        var overview = await Overview("year=2024");
        var labOpen = overview.Targets.Single(t => t.Code == "T-LAB-OPEN");
        var competition = overview.Targets.Single(t => t.Code == "T-COMPETITION");

        Assert.Equal(Ids("a1", "a4", "a14"), await ActivityIds(labOpen.Drilldown));
        Assert.Equal(Ids("a5", "a11"), await ActivityIds(competition.Drilldown));
        Assert.Equal(Ids("a6"), await ActivityIds(overview.Targets.Single(t => t.Code == "T-COMPETITION").Series.Single(p => p.Year == 2023).Drilldown));

        var measure = (await _auditor.GetAsync("/api/v1/progress/measures/ACT-02?year=2023")).As<MeasureProgressDto>();
        Assert.Equal(Ids("a2"), await ActivityIds(measure.Drilldown));
        var units = (await _auditor.GetAsync("/api/v1/progress/units?year=2024")).As<UnitsOverview>();
        Assert.Equal(Ids("a8"), await ActivityIds(units.Units.Single(u => u.UnitCode == "HEALTH").Drilldown));
        var fzu = units.Institutions.Single(i => i.InstitutionId == _fzu.InstitutionId);
        Assert.Equal(Ids("a5", "a8"), await ActivityIds(fzu.Drilldown));
        Assert.Equal(Ids("a5"), await ActivityIds(fzu.Measures.Single(m => m.Measure == "ACT-03").Drilldown));

        var communities = (await _auditor.GetAsync(overview.Targets.Single(t => t.Code == "T-COMMUNITIES").Drilldown)).As<PagedList<DesignationDto>>();
        Assert.Equal(["GL-1", "GL-2"], communities.Items.Select(d => d.SubjectKey));
        var volunteers = (await _auditor.GetAsync(overview.Targets.Single(t => t.Code == "T-VOLUNTEERS").Drilldown)).As<PagedList<VolunteerDto>>();
        Assert.Equal(1, volunteers.Total);
        var literacy = (await _auditor.GetAsync(overview.Targets.Single(t => t.Code == "T-LITERACY").Drilldown)).As<IndicatorDto>();
        Assert.Equal(3, literacy.Observations.Count);
    }

    [Fact]
    public async Task Progress_exports_as_csv_that_keeps_chinese_text()
    {
        var response = await _auditor.GetAsync("/api/v1/progress/measures?year=2023&waitForNonStale=true", new Dictionary<string, string> { ["Accept"] = "text/csv" });
        response.ShouldBe(HttpStatusCode.OK);

        Assert.StartsWith("text/csv", response.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFmeasure,section,title", response.Body, StringComparison.Ordinal);
        Assert.Contains("ACT-02,ACT-YOUTH,推进校内外科教资源有效衔接,2023,official,1,0,0,0,0,50,50,1,0", response.Body, StringComparison.Ordinal);
        var targets = await _auditor.GetAsync("/api/v1/progress?year=2023", new Dictionary<string, string> { ["Accept"] = "text/csv" });
        Assert.Contains("T-COMPETITION,ACT-03,annual_sum,person-times,2023,6000,6200,6200,1.0333,met,6200", targets.Body, StringComparison.Ordinal);
        // A header and two rows (official, verified) per measure.
        Assert.Equal(1 + (2 * 28), response.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Answers_say_how_fresh_the_figures_are()
    {
        var response = (await _auditor.GetAsync("/api/v1/progress?waitForNonStale=true")).ShouldBe(HttpStatusCode.OK);
        var overview = response.As<ProgressOverview>();

        Assert.True(overview.Freshness.CaughtUp);
        Assert.True(overview.Freshness.LastAppliedSequence >= overview.Freshness.HighWaterMark);
        Assert.Equal("true", response.Headers["X-Projection-Caught-Up"].ToString());
        (await _auditor.GetAsync("/api/v1/progress?waitSeconds=99")).Problem(HttpStatusCode.BadRequest);
        (await _auditor.GetAsync("/api/v1/progress?year=1800")).Problem(HttpStatusCode.BadRequest);
    }

    private static void AssertFigures(IEnumerable<Posted> expected, FiguresDto actual)
    {
        var list = expected.ToList();
        Assert.Equal(list.Count, actual.Activities);
        Assert.Equal(list.Aggregate(AudienceCounts.None, (sum, a) => sum.Plus(a.Attendance)), actual.PersonTimes);
        Assert.Equal(list.Select(a => a.Institution).Distinct().Count(), actual.Institutions);
        Assert.Equal(list.Sum(a => a.Hours), actual.VolunteerHours);
    }

    private async Task<ProgressOverview> Overview(string query) =>
        (await _auditor.GetAsync($"/api/v1/progress?{query}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();

    private async Task<HashSet<Guid>> ActivityIds(string url) =>
        (await _auditor.GetAsync(url + "&pageSize=500")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>().Items.Select(a => a.Id).ToHashSet();

    private async Task<long> TotalAsync(string url) =>
        (await _auditor.GetAsync(url + "&pageSize=1")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>().Total;

    private HashSet<Guid> Ids(params string[] refs) => refs.Select(r => _ids[r]).ToHashSet();

    private static HashSet<Guid> Ids(IEnumerable<Posted> activities) => activities.Select(a => a.Id).ToHashSet();

    /// <summary>The measures a unit leads or takes part in, as the plan catalog lists them.</summary>
    private string[] MeasuresOf(string unit) =>
        _plan.Measures.Where(m => m.LeadUnits.Contains(unit) || m.ParticipatingUnits.Contains(unit)).Select(m => m.Code).ToArray();

    /// <summary>The share (percent) of the two registered schools a counted science-education activity reached in the year.</summary>
    private decimal Coverage(int year, bool verified)
    {
        Guid[] register = [_school.InstitutionId, _primary.InstitutionId];
        var reached = register.Count(s => _ledger.Counted(verified).Any(a =>
            a.Year == year && ScienceEducation.Contains(a.Kind) && a.Attendance.Youth > 0 && (a.Institution == s || a.Host == s)));
        return Math.Round(reached * 100m / register.Length, 4);
    }

    private async Task Report(Actor partner, string reference, string kind, string day, AudienceCounts attendance, decimal hours = 0, string[]? measures = null, Guid? host = null)
    {
        var response = await partner.PostAsync("/api/v1/activities", new ReportActivity(reference, kind, $"{kind} {reference}", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            MeasureCodes: measures, Attendance: attendance, VolunteerHours: hours, HostInstitutionId: host));
        var activity = response.ShouldBe(HttpStatusCode.Created).As<ActivityDto>();
        _ids[reference] = activity.Id;
        _ledger.Track(activity);
    }

    private async Task Amend(Actor partner, string reference, string action, Func<long, object> body)
    {
        var current = await partner.ActivityAsync(_ids[reference]);
        _ledger.Track((await partner.PostAsync($"/api/v1/activities/{current.Id}/{action}", body(current.Version))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>());
    }

    private async Task Decide(Actor unit, string reference, VerificationDecision decision, string? reason = null) =>
        _ledger.Track((await unit.PostAsync($"/api/v1/activities/{_ids[reference]}/verification", new VerifyActivity(decision, reason))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>());

    private static async Task<Guid> Designate(Actor unit, DesignationKind kind, string key, DesignationLevel level, string day, string? subject = null)
    {
        var response = await unit.PostAsync("/api/v1/designations", new RecordDesignation(kind, key, level, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TeachingSubject: subject));
        Assert.True(response.Status is HttpStatusCode.Created or HttpStatusCode.OK, response.Body);
        return response.As<DesignationDto>().Id;
    }

    private static async Task<string> Volunteer(Actor partner, string idNumber, string day)
    {
        var response = await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(idNumber, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(response.Status is HttpStatusCode.Created or HttpStatusCode.OK, response.Body);
        return response.As<VolunteerDto>().PersonKey;
    }

    private async Task Observe(string target, int year, decimal numerator, string source) =>
        (await _cast.PostAsync($"/api/v1/indicators/{target}/observations", new RecordObservation(year, numerator, 1000, source))).ShouldBe(HttpStatusCode.Created);
}
