using System.Globalization;
using System.Net;
using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.BrowserTests.Reviews;

/// <summary>
/// 2023 signed off by two units (the education bureau's part returned once), closed by the coordinating unit without the
/// others: the page shows the year locked, the sign-off board, the override, the seal and its verification, and who
/// reported the year, as the API answers them; 2024 is open and has no seal; a partner sees none of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualReviewPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private District _district = null!;
    private Actor _auditor = null!, _fzu = null!;

    public async Task InitializeAsync()
    {
        _district = await browser.NewDistrictAsync();
        _fzu = await _district.PartnerAsync("福州大学");
        var fjnu = await _district.PartnerAsync("福建师范大学");
        await _district.PartnerAsync("鼓楼区科技馆");
        var cast = await _district.UnitAsync("CAST", "区科协");
        var edu = await _district.UnitAsync("EDU", "区教育局");
        _auditor = await _district.AuditorAsync();

        await _fzu.ReportAsync("F-1", "competition", "2023-03-01", new AudienceCounts(Youth: 600));
        await _fzu.ReportAsync("F-2", "lab_open_day", "2023-05-01", new AudienceCounts(Youth: 80));
        await fjnu.ReportAsync("J-1", "exhibition", "2023-09-01", new AudienceCounts(Public: 1200));

        await edu.Api.PostAsync<YearSignoffDto>("/api/v1/reviews/2023/units/EDU/submission", new SignOffUnitYear("教育局材料"), HttpStatusCode.OK);
        await cast.Api.PostAsync<YearSignoffDto>("/api/v1/reviews/2023/units/EDU/return", new ReturnUnitYear("缺少竞赛佐证"), HttpStatusCode.OK);
        await edu.Api.PostAsync<YearSignoffDto>("/api/v1/reviews/2023/units/EDU/submission", new SignOffUnitYear("已补充"), HttpStatusCode.OK);
        await cast.Api.PostAsync<YearSignoffDto>("/api/v1/reviews/2023/units/EDU/acceptance", new SignOffUnitYear(), HttpStatusCode.OK);
        await cast.Api.PostAsync<YearSignoffDto>("/api/v1/reviews/2023/units/CAST/submission", new SignOffUnitYear(), HttpStatusCode.OK);
        var board = await cast.Api.PostAsync<YearSignoffDto>("/api/v1/reviews/2023/units/CAST/acceptance", new SignOffUnitYear(), HttpStatusCode.OK);
        var missing = board.Units.Where(u => u.State != SignoffState.Accepted).Select(u => u.UnitCode).ToList();
        await cast.Api.PostAsync<ClosedYearDto>("/api/v1/reviews/2023/close", new CloseYear(DateTimeOffset.UtcNow, missing, "市里要求本周报送"), HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_closed_year_shows_its_lock_sign_off_seal_and_completeness_as_the_api_answers_them()
    {
        var signoff = await _auditor.Api.GetAsync<YearSignoffDto>("/api/v1/reviews/2023/signoff");
        var seal = await _auditor.Api.GetAsync<YearSealDto>("/api/v1/reviews/2023/seal");
        var completeness = await _auditor.Api.GetAsync<YearCompletenessDto>("/api/v1/reviews/2023/completeness");
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_auditor.Key);
        await page.SelectYearAsync(2023);

        Assert.True(await page.Page.IsVisibleAsync("#year-lock"));
        Assert.Contains("已关账", await page.TextAsync("#year-lock"), StringComparison.Ordinal);
        Assert.Contains("已关账", await page.TextAsync("#annual-state"), StringComparison.Ordinal);

        var states = await page.AttributesAsync("#signoff-board tr[data-unit]", "data-state");
        Assert.Equal(signoff.Units.Select(u => u.State switch
        {
            SignoffState.Accepted => "accepted",
            SignoffState.Returned => "returned",
            SignoffState.Submitted => "submitted",
            _ => "not_submitted",
        }), states);
        // Institutions' names arrive after the board: wait for the one that acted on the education bureau's part.
        await page.Page.WaitForSelectorAsync("#signoff-board tr[data-unit=EDU] td[data-col=by]:has-text('区科协')");
        var rows = await page.RowsAsync("#signoff-board tr[data-unit]", "unit");
        Assert.Equal(signoff.Units.Select(u => u.UnitCode), rows.Keys);
        Assert.Equal("已确认", rows["EDU"]["state"]);
        Assert.Equal("未提交", rows["HEALTH"]["state"]);
        Assert.Equal("区科协", rows["EDU"]["by"]);
        Assert.Equal(signoff.Units.Single(u => u.UnitCode == "EDU").At!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), rows["EDU"]["at"]);
        Assert.Equal($"2 / {signoff.Units.Count} 个单位已确认", await page.TextAsync("[data-summary=signoff]"));
        Assert.Equal(string.Join(' ', signoff.MissingUnits), await page.Page.GetAttributeAsync(".override", "data-override"));
        Assert.Contains("市里要求本周报送", await page.TextAsync(".override"), StringComparison.Ordinal);
        Assert.Equal(signoff.History.Select(s => s.Action), await page.AttributesAsync("#signoff-history li", "data-action"));

        Assert.Equal(seal.ChainSha256, await page.TextAsync("#seal-chain"));
        await page.Page.ClickAsync("#verify-seal");
        await page.Page.WaitForSelectorAsync("#seal-result [data-result]");
        Assert.Equal("intact", await page.Page.GetAttributeAsync("#seal-result [data-result]", "data-result"));
        Assert.Contains(seal.EventCount.ToString(CultureInfo.InvariantCulture), await page.TextAsync("#seal-result"), StringComparison.Ordinal);

        var units = await page.RowsAsync("#completeness-units tr[data-unit]", "unit");
        Assert.Equal(completeness.Units.Select(u => u.UnitCode), units.Keys);
        foreach (var unit in completeness.Units)
        {
            Assert.Equal((unit.Activities, unit.Late, unit.Institutions), ((int)DashboardPage.Number(units[unit.UnitCode]["activities"]), (int)DashboardPage.Number(units[unit.UnitCode]["late"]), (int)DashboardPage.Number(units[unit.UnitCode]["institutions"])));
        }

        var institutions = await page.RowsAsync("#completeness-institutions tr[data-institution]", "institution");
        Assert.Equal(completeness.Institutions.Select(i => i.InstitutionId.ToString()).Order(), institutions.Keys.Order());
        Assert.Equal("2", institutions[_fzu.InstitutionId.ToString()]["activities"]);
        Assert.Equal(completeness.Silent.Select(s => s.InstitutionId.ToString()), await page.AttributesAsync("#silent li", "data-institution"));
        await page.ScreenshotAsync("annual-review-2023");

        await page.Page.ClickAsync("#language");
        Assert.Equal("Accepted", (await page.RowsAsync("#signoff-board tr[data-unit]", "unit"))["EDU"]["state"]);
        Assert.Contains("Closed", await page.TextAsync("#year-lock"), StringComparison.Ordinal);
        await page.Page.ClickAsync("#language");

        await page.SelectYearAsync(2024);
        Assert.True(await page.Page.IsHiddenAsync("#year-lock"));
        Assert.Contains("尚未关账", await page.TextAsync("#annual-state"), StringComparison.Ordinal);
        Assert.Equal("该年度尚未关账，没有封存。", await page.TextAsync("#annual-seal p"));
        Assert.All(await page.AttributesAsync("#signoff-board tr[data-unit]", "data-state"), s => Assert.Equal("not_submitted", s));
        await page.SelectYearAsync(null);
        Assert.True(await page.Page.IsHiddenAsync("#annual"));
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task A_partner_sees_the_years_figures_but_neither_the_review_nor_the_lock()
    {
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_fzu.Key);
        await page.SelectYearAsync(2023);

        Assert.True(await page.Page.IsVisibleAsync("main#live"));
        Assert.True(await page.Page.IsHiddenAsync("#annual"));
        Assert.True(await page.Page.IsHiddenAsync("#year-lock"));
        page.ShouldHaveRunCleanly();
    }
}
