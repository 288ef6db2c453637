using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.BrowserTests.Progress;

/// <summary>
/// An auditor's look at a seeded district: every figure on the page is read off the screen and compared with
/// the same figure read from the API; then a figure is followed down to an activity's history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly Dictionary<TargetStatus, string> StatusZh = new()
    {
        [TargetStatus.Met] = "已完成",
        [TargetStatus.OnTrack] = "按计划推进",
        [TargetStatus.Behind] = "进度落后",
        [TargetStatus.NotStarted] = "尚未开始",
    };

    private static readonly string[] StatusEn = ["Met", "On track", "Behind", "Not started"];

    private Scenario _scenario = null!;
    private DashboardPage _page = null!;

    private ApiClient Auditor => _scenario.Auditor.Api;

    public async Task InitializeAsync()
    {
        _scenario = await Scenario.SharedAsync(browser);
        await Auditor.GetAsync<ProgressOverview>("/api/v1/progress?waitForNonStale=true");
        _page = await browser.OpenDashboardAsync();
        await _page.SignInAsync(_scenario.Auditor.Key);
    }

    public async Task DisposeAsync() => await _page.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task Every_target_card_shows_the_figures_the_api_answers(int? year)
    {
        await _page.SelectYearAsync(year);
        var progress = await Auditor.GetAsync<ProgressOverview>($"/api/v1/progress?year={year}");

        // A ranking stands inside the card of the target it ranks, not on a card of its own.
        Assert.Equal(progress.Targets.Where(t => t.Beside is null).Select(t => t.Code), await _page.AttributesAsync("article.card", "data-target"));
        foreach (var ranking in progress.Targets.Where(t => t.Beside is not null))
        {
            var shown = $"article.card[data-target='{ranking.Beside}'] [data-ranking='{ranking.Code}']";
            var rank = await _page.TextAsync($"{shown} [data-figure=rank]");
            var verified = await _page.TextAsync($"{shown} [data-figure=rankVerified]");
            // No rank of the period yet (0) is shown as such, not as a rank.
            Assert.Equal(ranking.Actual >= 1 ? $"{ranking.Actual:0.##}" : "尚无排名", ranking.Actual >= 1 ? $"{DashboardPage.Number(rank):0.##}" : rank);
            Assert.Equal(ranking.VerifiedActual >= 1 ? $"{ranking.VerifiedActual:0.##}" : "–", ranking.VerifiedActual >= 1 ? $"{DashboardPage.Number(verified):0.##}" : verified);
            Assert.Equal(StatusZh[ranking.Status], await _page.TextAsync($"{shown} [data-figure=rankStatus]"));
            await AssertBaselineAsync(shown, "rankBaseline", ranking.Baseline);
        }

        foreach (var target in progress.Targets.Where(t => t.Beside is null))
        {
            var card = $"article.card[data-target='{target.Code}']";
            await AssertBaselineAsync(card, "baseline", target.Baseline);
            Assert.Equal(Math.Round(target.Actual, 2), await _page.NumberAsync($"{card} [data-figure=actual]"));
            Assert.Equal(target.TargetValue, await _page.NumberAsync($"{card} [data-figure=target]"));
            Assert.Equal(Math.Round(target.VerifiedActual, 2), await _page.NumberAsync($"{card} [data-figure=verified]"));
            Assert.Equal(Math.Round(target.Share * 100, 1, MidpointRounding.AwayFromZero), await _page.NumberAsync($"{card} [data-figure=share]"));
            Assert.Equal(StatusZh[target.Status], await _page.TextAsync($"{card} [data-figure=status]"));
            var forecast = await _page.TextAsync($"{card} [data-figure=forecast]");
            Assert.Equal(target.Forecast is { } f ? Math.Round(f, 2) : (decimal?)null, forecast == "无法预测" ? null : DashboardPage.Number(forecast));
            var bars = await _page.Page.Locator($"{card} svg.chart text.value").AllTextContentsAsync();
            Assert.Equal(target.Series.Select(p => Math.Round(p.Actual, 2)), bars.Select(DashboardPage.Number));
            Assert.Equal(target.Series.Select(p => p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), await _page.AttributesAsync($"{card} svg.chart g.bar", "data-year"));
        }

        await _page.ScreenshotAsync(year is null ? "overview-plan-period" : $"overview-{year}");
        _page.ShouldHaveRunCleanly();
    }

    private async Task AssertBaselineAsync(string container, string figure, decimal? baseline)
    {
        var shown = _page.Page.Locator($"{container} [data-figure={figure}]");
        if (baseline is { } value)
        {
            Assert.Equal(Math.Round(value, 2), DashboardPage.Number(await shown.InnerTextAsync()));
        }
        else
        {
            Assert.Equal(0, await shown.CountAsync());
        }
    }

    [Fact]
    public async Task Rankings_and_baselines_stand_beside_their_figures_and_a_drilldown_names_what_was_revoked_and_why()
    {
        await _page.SelectYearAsync(null);
        var progress = await Auditor.GetAsync<ProgressOverview>("/api/v1/progress");

        // Second in the city in 2023 (goal: among the first three), verified; fifth in 2020, the baseline.
        var city = "article.card[data-target='T-LITERACY'] [data-ranking='T-LITERACY-RANK-CITY']";
        Assert.Equal(2, await _page.NumberAsync($"{city} [data-figure=rank]"));
        Assert.Equal(2, await _page.NumberAsync($"{city} [data-figure=rankVerified]"));
        Assert.Equal(5, await _page.NumberAsync($"{city} [data-figure=rankBaseline]"));
        Assert.Equal("已完成", await _page.TextAsync($"{city} [data-figure=rankStatus]"));
        Assert.Equal("尚无排名", await _page.TextAsync("article.card[data-target='T-LITERACY'] [data-ranking='T-LITERACY-RANK-PROVINCE'] [data-figure=rank]"));
        Assert.Equal(1, await _page.NumberAsync("article.card[data-target='T-COMMUNITIES'] [data-ranking='T-COMMUNITIES-RANK'] [data-figure=rank]"));
        Assert.Equal(14, await _page.NumberAsync("article.card[data-target='T-LITERACY'] [data-figure=baseline]"));
        Assert.Equal(progress.Targets.Single(t => t.Code == "T-TEACHERS").VerifiedActual, await _page.NumberAsync("article.card[data-target='T-TEACHERS'] [data-figure=verified]"));
        Assert.Equal(1, progress.Targets.Single(t => t.Code == "T-TEACHERS").VerifiedActual);
        await _page.ScreenshotAsync("rankings-and-baselines");

        await _page.Page.ClickAsync("article.card[data-target='T-COMMUNITIES'] [data-figure=actual]");
        await _page.Page.WaitForSelectorAsync("#detail section.removed tr[data-designation]");
        var removed = await Auditor.GetAsync<PagedList<Contracts.Designations.DesignationDto>>("/api/v1/designations?target=T-COMMUNITIES&year=2025&removed=true");
        Assert.Equal(removed.Items.Select(d => d.Id.ToString()), await _page.AttributesAsync("#detail section.removed tr[data-designation]", "data-designation"));
        Assert.Contains("复核未通过", await _page.TextAsync("#detail section.removed tr[data-subject='GL-3'] [data-revoked]"), StringComparison.Ordinal);
        Assert.Contains("因故撤销", await _page.TextAsync("#detail section.removed tr[data-subject='GL-3'] [data-revoked]"), StringComparison.Ordinal);
        await _page.ScreenshotAsync("drilldown-revoked", fullPage: false);
        await _page.Page.ClickAsync("#detail-close");

        await _page.Page.ClickAsync("article.card[data-target='T-LITERACY'] [data-ranking='T-LITERACY-RANK-CITY'] button.figure");
        await _page.Page.WaitForSelectorAsync("#detail tr[data-observation]");
        Assert.Equal(["true", "false"], await _page.AttributesAsync("#detail tr[data-observation]", "data-baseline"));
        Assert.Equal(["已核实"], await _page.Page.Locator("#detail tr[data-observation='2'] [data-decision=verified]").AllInnerTextsAsync());
        _page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task The_measure_and_unit_tables_show_the_figures_the_api_answers()
    {
        await _page.SelectYearAsync(2023);
        var measures = await Auditor.GetAsync<MeasuresOverview>("/api/v1/progress/measures?year=2023");
        var units = await Auditor.GetAsync<UnitsOverview>("/api/v1/progress/units?year=2023");

        var measureRows = await _page.RowsAsync("#measures tr[data-measure]", "measure");
        Assert.Equal(28, measureRows.Count);
        foreach (var measure in measures.Measures)
        {
            var row = measureRows[measure.Code];
            Assert.Equal(measure.Official.Activities, DashboardPage.Number(row["activities"]));
            Assert.Equal(measure.Official.PersonTimes.Total, DashboardPage.Number(row["personTimes"]));
            Assert.Equal(measure.Official.PersonTimes.Youth, DashboardPage.Number(row["youth"]));
            Assert.Equal(measure.Official.Institutions, DashboardPage.Number(row["institutions"]));
            Assert.Equal(measure.Verified.Activities, DashboardPage.Number(row["verifiedActivities"]));
        }

        // The measures of a section stand under its heading, in the catalog's order.
        var plan = await Auditor.GetAsync<PlanCatalog>("/api/v1/plan");
        var youth = plan.Sections.Single(s => s.Code == "ACT-YOUTH");
        Assert.Equal(youth.Measures, await _page.AttributesAsync("#measures tbody[data-section='ACT-YOUTH'] tr[data-measure]", "data-measure"));

        // Every unit of the plan, leading or taking part, with its measures by role.
        var unitRows = await _page.RowsAsync("#units tr[data-unit]", "unit");
        Assert.Equal(plan.Units.Select(u => u.Code).Order(), unitRows.Keys.Order());
        Assert.Equal(units.Units.Select(u => u.UnitCode).Order(), unitRows.Keys.Order());
        foreach (var unit in units.Units)
        {
            var row = $"#units tr[data-unit='{unit.UnitCode}']";
            Assert.Equal(unit.NameZh, unitRows[unit.UnitCode]["name"]);
            Assert.Equal(unit.Official.Activities, DashboardPage.Number(unitRows[unit.UnitCode]["activities"]));
            Assert.Equal(unit.Official.PersonTimes.Total, DashboardPage.Number(unitRows[unit.UnitCode]["personTimes"]));
            Assert.Equal(unit.LeadsMeasures.Count > 0 ? $"牵头 {string.Join(' ', unit.LeadsMeasures)}" : null, await RoleAsync(row, "lead"));
            Assert.Equal(unit.ParticipatesIn.Count > 0 ? $"参加 {string.Join(' ', unit.ParticipatesIn)}" : null, await RoleAsync(row, "participating"));
            Assert.Equal(unit.Coordinates, await _page.Page.Locator($"{row} [data-role=coordinating]").CountAsync() == 1);
        }

        var institutionRows = await _page.RowsAsync("#institutions tr[data-institution]", "institution");
        Assert.Equal(units.Institutions.Count, institutionRows.Count);
        foreach (var institution in units.Institutions)
        {
            var row = institutionRows[institution.InstitutionId.ToString()];
            Assert.Equal(institution.Name, row["name"]);
            Assert.Equal(institution.Official.Activities, DashboardPage.Number(row["activities"]));
            Assert.Equal(institution.Official.PersonTimes.Total, DashboardPage.Number(row["personTimes"]));
        }

        _page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task The_unit_table_sorts_by_the_column_clicked()
    {
        var header = "#units th[data-col=personTimes]";
        var column = "#units tbody tr td[data-col=personTimes]";

        await _page.Page.ClickAsync(header);
        Assert.Equal("descending", await _page.Page.GetAttributeAsync(header, "aria-sort"));
        var descending = (await _page.Page.Locator(column).AllInnerTextsAsync()).Select(DashboardPage.Number).ToList();
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending[0] > descending[^1], "the seeded units differ in person-times");

        await _page.Page.ClickAsync(header);
        Assert.Equal("ascending", await _page.Page.GetAttributeAsync(header, "aria-sort"));
        Assert.Equal(descending.Order(), (await _page.Page.Locator(column).AllInnerTextsAsync()).Select(DashboardPage.Number));

        // Names sort in the browser's Chinese collation; a second click turns the order round.
        var nameHeader = "#units th[data-col=name]";
        await _page.Page.ClickAsync(nameHeader);
        Assert.Equal("ascending", await _page.Page.GetAttributeAsync(nameHeader, "aria-sort"));
        Assert.Equal("none", await _page.Page.GetAttributeAsync(header, "aria-sort"));
        var names = await _page.Page.Locator("#units tbody tr td[data-col=name]").AllInnerTextsAsync();
        await _page.Page.ClickAsync(nameHeader);
        Assert.Equal(names.Reverse(), await _page.Page.Locator("#units tbody tr td[data-col=name]").AllInnerTextsAsync());
        _page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task A_figure_lists_the_activities_behind_it_and_an_activity_shows_who_posted_each_event()
    {
        await _page.SelectYearAsync(2023);
        var competition = (await Auditor.GetAsync<ProgressOverview>("/api/v1/progress?year=2023")).Targets.Single(t => t.Code == "T-COMPETITION");
        var behind = await Auditor.GetAsync<PagedList<ActivityDto>>(competition.Drilldown);

        await _page.Page.ClickAsync("article.card[data-target='T-COMPETITION'] [data-figure=actual]");
        await _page.Page.WaitForSelectorAsync("#detail .pager");
        Assert.Equal(behind.Items.Select(a => a.Id.ToString()), await _page.AttributesAsync("#detail tr[data-activity]", "data-activity"));
        Assert.Equal(behind.Total, DashboardPage.Number(await _page.Page.GetAttributeAsync("#detail .pager", "data-total") ?? ""));
        Assert.Equal(competition.Actual, behind.Items.Sum(a => a.Attendance.Youth));
        await _page.ScreenshotAsync("drilldown-activities", fullPage: false);

        var activity = _scenario.VerifiedCompetition;
        var history = await Auditor.GetAsync<List<ActivityHistoryEntry>>($"/api/v1/activities/{activity.Id}/history");
        await _page.Page.ClickAsync($"#detail tr[data-activity='{activity.Id}'] button");
        await _page.Page.WaitForSelectorAsync("#detail tr[data-version]");
        // Names come in as they are looked up: wait until the unit's name has replaced its id.
        await _page.Page.WaitForSelectorAsync($"#detail tr[data-version] td[data-col=institution]:has-text('{_scenario.Education.Name}')");

        var rows = await _page.RowsAsync("#detail tr[data-version]", "version");
        Assert.Equal(history.Select(h => h.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Keys);
        Assert.Equal(["报送活动", "补录人次", "核实通过"], rows.Values.Select(r => r["event"]));
        Assert.Equal([_scenario.Fzu.Name, _scenario.Fzu.Name, _scenario.Education.Name], rows.Values.Select(r => r["institution"]));
        Assert.Equal(history.Select(h => h.KeyId!.Value.ToString()[..8]), rows.Values.Select(r => r["key"]));
        Assert.Equal([_scenario.Fzu.KeyId, _scenario.Fzu.KeyId, _scenario.Education.KeyId], history.Select(h => h.KeyId!.Value));
        Assert.Equal(history.Select(h => h.RecordedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Values.Select(r => r["recordedAt"]));
        Assert.Equal(0, await _page.Page.Locator("#detail tr.late").CountAsync());
        await _page.ScreenshotAsync("activity-history", fullPage: false);

        await _page.Page.ClickAsync("#detail-back");
        await _page.Page.WaitForSelectorAsync("#detail .pager");
        Assert.Equal(behind.Items.Count, await _page.Page.Locator("#detail tr[data-activity]").CountAsync());
        _page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task What_awaits_a_decision_shows_by_status_a_list_shows_hosts_and_the_coverage_figure_lists_the_schools_left_out()
    {
        await _page.SelectYearAsync(2023);
        foreach (var status in new[] { "pending", "resubmitted", "needs_review" })
        {
            var total = (await Auditor.GetAsync<PagedList<ActivityDto>>($"/api/v1/verifications?status={status}&year=2023")).Total;
            Assert.Equal(total, await _page.NumberAsync($"#awaiting [data-awaiting={status}] [data-figure={status}]"));
        }

        Assert.Equal(1, await _page.NumberAsync("#awaiting [data-figure=resubmitted]"));
        await _page.Page.ClickAsync("#awaiting [data-figure=needs_review]");
        await _page.Page.WaitForSelectorAsync("#detail tr[data-activity]");
        Assert.Equal(["超出合理上限待核"], await _page.Page.Locator("#detail tr[data-activity] .state").AllInnerTextsAsync());
        await _page.Page.ClickAsync("#detail-close");

        await _page.Page.ClickAsync("article.card[data-target='T-LAB-OPEN'] [data-figure=actual]");
        var hosted = $"#detail tr[data-activity='{_scenario.HostedLabDay.Id}'] td[data-col=host]";
        await _page.Page.WaitForSelectorAsync($"{hosted}:has-text('{_scenario.Fzu.Name}')");
        await _page.ScreenshotAsync("drilldown-hosts", fullPage: false);
        await _page.Page.ClickAsync("#detail-close");

        var coverage = (await Auditor.GetAsync<ProgressOverview>("/api/v1/progress?year=2023")).Targets.Single(t => t.Code == "T-SCHOOLS");
        var left = await Auditor.GetAsync<PagedList<Contracts.Institutions.SchoolCoverageDto>>(coverage.Drilldown);
        Assert.Equal(50m, coverage.Actual);
        await _page.Page.ClickAsync("article.card[data-target='T-SCHOOLS'] [data-figure=actual]");
        await _page.Page.WaitForSelectorAsync("#detail tr[data-school]");
        Assert.Equal([_scenario.Primary.InstitutionId.ToString()], await _page.AttributesAsync("#detail tr[data-school]", "data-school"));
        Assert.Equal(left.Items.Select(i => i.InstitutionId.ToString()), await _page.AttributesAsync("#detail tr[data-school]", "data-school"));
        await _page.ScreenshotAsync("drilldown-schools", fullPage: false);
        _page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task Designation_and_survey_figures_list_their_records()
    {
        await _page.SelectYearAsync(2024);

        await _page.Page.ClickAsync("article.card[data-target='T-COMMUNITIES'] [data-figure=actual]");
        await _page.Page.WaitForSelectorAsync("#detail-body > table tr[data-designation]");
        var communities = await Auditor.GetAsync<PagedList<Contracts.Designations.DesignationDto>>("/api/v1/designations?target=T-COMMUNITIES&year=2024");
        // The counted subjects; those the target took out stand apart, below them.
        Assert.Equal(communities.Items.Select(d => d.Id.ToString()), await _page.AttributesAsync("#detail-body > table tr[data-designation]", "data-designation"));
        Assert.Equal(2, communities.Total);
        await _page.Page.ClickAsync("#detail-close");

        await _page.Page.ClickAsync("article.card[data-target='T-LITERACY'] [data-figure=actual]");
        await _page.Page.WaitForSelectorAsync("#detail tr.standing");
        Assert.Equal(["2023", "2025"], (await _page.Page.Locator("#detail tr.standing td:nth-child(2)").AllInnerTextsAsync()).Order());
        Assert.Equal(["2020"], await _page.Page.Locator("#detail tr[data-baseline=true] td:nth-child(2)").AllInnerTextsAsync());
        _page.ShouldHaveRunCleanly();
    }

    private async Task<string?> RoleAsync(string row, string role)
    {
        var cell = _page.Page.Locator($"{row} [data-role={role}]");
        return await cell.CountAsync() == 0 ? null : (await cell.InnerTextAsync()).Trim();
    }

    [Fact]
    public async Task The_english_switch_shows_the_catalogs_english_titles_and_back()
    {
        var plan = await Auditor.GetAsync<PlanCatalog>("/api/v1/plan");
        Assert.Equal("目标进展", await _page.TextAsync("main#live h2[data-i18n=targets]"));

        await _page.Page.ClickAsync("#language");

        Assert.Equal("en", await _page.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Targets", await _page.TextAsync("main#live h2[data-i18n=targets]"));
        Assert.Equal(plan.Targets.Where(t => t.Beside is null).Select(t => t.Metric.En), await _page.Page.Locator("article.card h3").AllInnerTextsAsync());
        var measures = await _page.RowsAsync("#measures tr[data-measure]", "measure");
        Assert.All(plan.Measures, m => Assert.Equal(m.Title.En, measures[m.Code]["title"]));
        Assert.Equal(plan.Title.En, await _page.TextAsync("#plan-title"));
        Assert.Equal(_scenario.District.Name, await _page.TextAsync("#district-name"));
        Assert.Contains(await _page.TextAsync("article.card[data-target='T-COMPETITION'] [data-figure=status]"), StatusEn);
        await _page.ScreenshotAsync("overview-english");

        await _page.Page.ClickAsync("#language");
        Assert.Equal(plan.Targets.Where(t => t.Beside is null).Select(t => t.Metric.Zh), await _page.Page.Locator("article.card h3").AllInnerTextsAsync());
        Assert.Equal("English", await _page.TextAsync("#language"));
        _page.ShouldHaveRunCleanly();
    }
}
