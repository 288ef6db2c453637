using System.Globalization;
using System.Net;
using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.BrowserTests.Reviews;

/// <summary>
/// 2023 with changes on both sides of a cut-off, closed as of the cut-off, then changed once more: the review view
/// must show the year as known then and now as the API answers it, list what changed, and mark the late event.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private Actor _auditor = null!;
    private readonly Dictionary<string, ActivityDto> _a = [];
    private DateTimeOffset _cutoff;

    public async Task InitializeAsync()
    {
        var district = await browser.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var education = await district.UnitAsync("EDU", "区教育局");
        _auditor = await district.AuditorAsync();

        _a["a"] = await fzu.ReportAsync("a", "competition", "2023-03-01", new AudienceCounts(Youth: 5000));
        _a["b"] = await fzu.ReportAsync("b", "lab_open_day", "2023-04-01", new AudienceCounts(Youth: 40));
        _a["c"] = await school.ReportAsync("c", "competition", "2023-05-01", new AudienceCounts(Youth: 1000));

        // The page takes a cut-off to the second: put one between the two halves of the history.
        var now = DateTimeOffset.UtcNow;
        _cutoff = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        await Task.Delay(_cutoff - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));

        _a["d"] = await fzu.ReportAsync("d", "competition", "2023-10-01", new AudienceCounts(Youth: 700));
        await fzu.AmendAsync(_a["a"], "corrections", new CorrectActivity(_a["a"].Version, Attendance: new AudienceCounts(Youth: 4500)));
        await school.AmendAsync(_a["c"], "retraction", new RetractActivity(_a["c"].Version, "重复报送"));
        await education.Api.PostAsync<ActivityDto>($"/api/v1/activities/{_a["b"].Id}/verification", new VerifyActivity(VerificationDecision.Verified), HttpStatusCode.OK);

        // Closed without any unit's sign-off; FZU then adds attendance under an exception, which marks it late.
        var units = (await _auditor.Api.GetAsync<YearSignoffDto>("/api/v1/reviews/2023/signoff")).Units.Select(u => u.UnitCode).ToList();
        await district.Admin.PostAsync<ClosedYearDto>("/api/v1/reviews/2023/close", new CloseYear(_cutoff, units, "未经各单位确认"), HttpStatusCode.Created);
        var cast = await district.UnitAsync("CAST", "区科协");
        await cast.Api.PostAsync<YearExceptionDto>("/api/v1/reviews/2023/exceptions", new YearExceptionGrant(fzu.InstitutionId, "补录人次", DateTimeOffset.UtcNow.AddDays(7)), HttpStatusCode.Created);
        await fzu.AmendAsync(_a["d"], "attendance", new RecordAttendance(_a["d"].Version, Youth: 10));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_review_shows_the_year_as_known_then_and_now_and_what_changed_between()
    {
        var review = await _auditor.Api.GetAsync<ReviewDto>($"/api/v1/reviews/2023?asOf={Uri.EscapeDataString(_cutoff.ToString("O"))}");
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_auditor.Key);
        await page.SelectYearAsync(2023);

        await page.Page.FillAsync("#as-of", DashboardPage.DateTimeLocal(_cutoff));
        await page.WaitForViewAsync("review:2023");

        Assert.True(await page.Page.IsHiddenAsync("main#live"));
        var rows = await page.RowsAsync("#review-targets tr[data-target]", "target");
        Assert.Equal(review.AsKnown.Targets.Count, rows.Count);
        foreach (var (known, now) in review.AsKnown.Targets.Zip(review.Current.Targets))
        {
            Assert.Equal(Math.Round(known.Actual, 2), DashboardPage.Number(rows[known.Code]["asKnown"]));
            Assert.Equal(Math.Round(now.Actual, 2), DashboardPage.Number(rows[known.Code]["now"]));
        }

        Assert.Equal(5000 + 1000, DashboardPage.Number(rows["T-COMPETITION"]["asKnown"]));
        Assert.Equal(4500 + 700 + 10, DashboardPage.Number(rows["T-COMPETITION"]["now"]));
        var measures = await page.RowsAsync("#review-measures tr[data-measure]", "measure");
        Assert.Equal("2", measures["ACT-03"]["asKnownActivities"]);
        Assert.Equal("2", measures["ACT-03"]["nowActivities"]);

        var differences = await page.RowsAsync("#review-differences tr[data-difference]", "difference");
        Assert.Equal(review.Differences.Select(d => d.Id.ToString()).Order(), differences.Keys.Order());
        Assert.Equal("更正", differences[_a["a"].Id.ToString()]["changes"]);
        Assert.Equal("核实", differences[_a["b"].Id.ToString()]["changes"]);
        Assert.Equal("撤回", differences[_a["c"].Id.ToString()]["changes"]);
        Assert.StartsWith("迟报", differences[_a["d"].Id.ToString()]["changes"], StringComparison.Ordinal);
        Assert.Contains(_cutoff.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), await page.TextAsync("#review p.closed"));
        var late = await page.RowsAsync("#review-late tr[data-difference]", "difference");
        Assert.Equal([_a["d"].Id.ToString()], late.Keys);
        await page.ScreenshotAsync("review-2023");

        await page.Page.ClickAsync($"#review-late tr[data-difference='{_a["d"].Id}'] button");
        await page.Page.WaitForSelectorAsync("#detail tr[data-version]");
        Assert.Equal(["false", "true"], await page.AttributesAsync("#detail tr[data-version]", "data-late"));
        Assert.Equal("迟报", await page.TextAsync("#detail tr.late .badge.late"));
        await page.ScreenshotAsync("review-late-history", fullPage: false);
        await page.Page.ClickAsync("#detail-close");

        await page.Page.ClickAsync("#as-of-clear");
        await page.WaitForViewAsync("live:2023");
        Assert.True(await page.Page.IsVisibleAsync("main#live"));
        Assert.True(await page.Page.IsHiddenAsync("#review"));
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task The_as_of_field_takes_a_cut_off_on_a_whole_minute_as_well_as_any_other_second()
    {
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_auditor.Key);
        foreach (var instant in new[] { new DateTimeOffset(2024, 1, 31, 15, 59, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 31, 15, 59, 7, TimeSpan.Zero) })
        {
            var value = DashboardPage.DateTimeLocal(instant);
            await page.Page.FillAsync("#as-of", value);
            Assert.Equal(value, await page.Page.InputValueAsync("#as-of"));
        }
    }
}
