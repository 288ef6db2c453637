using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
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
public sealed class ProgressTests(AppFixture app) : IAsyncLifetime, IClassFixture<AppFixture>
{
    private readonly Ledger _ledger = new();
    private District _district = null!;
    private Actor _fzu = null!, _fjnu = null!, _school = null!, _education = null!, _cast = null!, _union = null!, _auditor = null!;
    private readonly Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _district = await app.NewDistrictAsync();
        _fzu = await _district.PartnerAsync("福州大学");
        _fjnu = await _district.PartnerAsync("福建师范大学");
        _school = await _district.PartnerAsync("福州第十六中学");
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

        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-1", DesignationLevel.City, "2020-06-01");
        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-2", DesignationLevel.City, "2022-03-01");
        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-2", DesignationLevel.City, "2022-03-01");
        await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-3", DesignationLevel.District, "2022-03-01");
        var gl4 = await Designate(_cast, DesignationKind.CertifiedCommunity, "GL-4", DesignationLevel.City, "2023-01-15");
        (await _cast.PostAsync($"/api/v1/designations/{gl4}/revocation", new RevokeDesignation("复核未通过", new DateOnly(2024, 5, 1)))).ShouldBe(HttpStatusCode.OK);
        await Designate(_education, DesignationKind.BackboneTeacher, "T-1", DesignationLevel.District, "2021-09-10");
        await Designate(_education, DesignationKind.BackboneTeacher, "T-2", DesignationLevel.District, "2019-09-10");
        await Designate(_education, DesignationKind.BackboneTeacher, "T-3", DesignationLevel.District, "2023-09-10");
        await Designate(_education, DesignationKind.BackboneTeacher, "T-4", DesignationLevel.City, "2023-09-10");
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
            var labInstitutions = _ledger.Official.Where(a => a.Kind == "lab_open_day" && a.Attendance.Youth > 0 && a.Year <= year).Select(a => a.Institution).Distinct().Count();
            Assert.Equal(competition, Target("T-COMPETITION").Actual);
            Assert.Equal(verifiedCompetition, Target("T-COMPETITION").VerifiedActual);
            Assert.Equal(labInstitutions, Target("T-LAB-OPEN").Actual);
        }

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

        var eduMeasures = new[] { "ACT-01", "ACT-02", "ACT-03", "ACT-04" };
        AssertFigures(_ledger.Official.Where(a => a.Measures.Intersect(eduMeasures).Any()), units.Units.Single(u => u.UnitCode == "EDU").Official);
        // CAST leads ACT-01..04 and every key project: the lecture under ACT-01 and PRJ-03 counts once.
        var castMeasures = Enumerable.Range(1, 4).Select(n => $"ACT-{n:00}").Concat(Enumerable.Range(1, 14).Select(n => $"PRJ-{n:00}")).ToArray();
        AssertFigures(_ledger.Official.Where(a => a.Measures.Intersect(castMeasures).Any()), units.Units.Single(u => u.UnitCode == "CAST").Official);
        var fzu = units.Institutions.Single(i => i.InstitutionId == _fzu.InstitutionId);
        Assert.Equal("福州大学", fzu.Name);
        AssertFigures(_ledger.Official.Where(a => a.Institution == _fzu.InstitutionId), fzu.Official);
        Assert.Equal(_ledger.Official.Where(a => a.Institution == _fzu.InstitutionId).SelectMany(a => a.Measures).Distinct().Order(StringComparer.Ordinal), fzu.Measures.Select(m => m.Measure));
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

        Assert.Equal(Ids("a1", "a4"), await ActivityIds(labOpen.Drilldown));
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

    private HashSet<Guid> Ids(params string[] refs) => refs.Select(r => _ids[r]).ToHashSet();

    private async Task Report(Actor partner, string reference, string kind, string day, AudienceCounts attendance, decimal hours = 0, string[]? measures = null)
    {
        var activity = await partner.ReportAsync(new ReportActivity(reference, kind, $"{kind} {reference}", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            MeasureCodes: measures, Attendance: attendance, VolunteerHours: hours));
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

    private static async Task<Guid> Designate(Actor unit, DesignationKind kind, string key, DesignationLevel level, string day)
    {
        var response = await unit.PostAsync("/api/v1/designations", new RecordDesignation(kind, key, level, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
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
