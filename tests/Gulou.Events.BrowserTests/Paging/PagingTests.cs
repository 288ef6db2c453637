using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.BrowserTests.Paging;

/// <summary>A measure with a thousand activities: the page lists them a page at a time and reaches every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagingTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int Count = 1000;
    private Actor _auditor = null!;

    public async Task InitializeAsync()
    {
        var district = await browser.NewDistrictAsync();
        var partners = new[] { await district.PartnerAsync("福州大学"), await district.PartnerAsync("福建师范大学") };
        _auditor = await district.AuditorAsync();
        // Partners file a term's lectures in batches, as they would; one call per activity would meet the rate limit.
        foreach (var (partner, number) in partners.Select((p, n) => (p, n)))
        {
            var items = Enumerable.Range(0, Count).Where(i => i % partners.Length == number).Select(Lecture).ToList();
            var result = await partner.Api.PostAsync<BatchResult>("/api/v1/activities/batch", new ReportBatch(items), System.Net.HttpStatusCode.OK);
            Assert.Equal(items.Count, result.Counts.Created);
        }
    }

    private static ReportActivity? Lecture(int i) =>
        new($"lecture-{i:D4}", "campus_lecture", $"科学讲座 {i}", new DateOnly(2024, 1, 1).AddDays(i % 366), Attendance: new AudienceCounts(Youth: 10 + (i % 7)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_thousand_activities_behind_a_figure_are_listed_page_by_page()
    {
        var measure = (await _auditor.Api.GetAsync<MeasuresOverview>("/api/v1/progress/measures?waitForNonStale=true")).Measures.Single(m => m.Code == "ACT-01");
        Assert.Equal(Count, measure.Official.Activities);
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_auditor.Key);

        var row = "#measures tr[data-measure='ACT-01']";
        Assert.Equal(Count, await page.NumberAsync($"{row} td[data-col=activities]"));
        await page.Page.ClickAsync($"{row} td[data-col=activities] button");
        await page.Page.WaitForSelectorAsync("#detail .pager[data-page='1']");

        Assert.Equal("共 1,000 条", await page.TextAsync("#detail .pager .total"));
        Assert.Equal("第 1 / 20 页", await page.TextAsync("#detail .pager .page"));
        await ShouldListAsync(page, measure.Drilldown, 1);

        await page.Page.ClickAsync("#detail .pager button[data-go=next]");
        await page.Page.WaitForSelectorAsync("#detail .pager[data-page='2']");
        await ShouldListAsync(page, measure.Drilldown, 2);

        await page.Page.ClickAsync("#detail .pager button[data-go=last]");
        await page.Page.WaitForSelectorAsync("#detail .pager[data-page='20']");
        Assert.Equal("第 20 / 20 页", await page.TextAsync("#detail .pager .page"));
        await ShouldListAsync(page, measure.Drilldown, 20);
        Assert.True(await page.Page.IsDisabledAsync("#detail .pager button[data-go=next]"));
        await page.ScreenshotAsync("drilldown-last-page", fullPage: false);
        page.ShouldHaveRunCleanly();
    }

    private async Task ShouldListAsync(DashboardPage page, string drilldown, int number)
    {
        var expected = await _auditor.Api.GetAsync<PagedList<ActivityDto>>($"{drilldown}&page={number}&pageSize=50");
        Assert.Equal(50, expected.Items.Count);
        Assert.Equal(expected.Items.Select(a => a.Id.ToString()), await page.AttributesAsync("#detail tr[data-activity]", "data-activity"));
    }
}
