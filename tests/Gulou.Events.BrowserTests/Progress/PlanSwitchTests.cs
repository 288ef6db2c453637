using System.Net;
using System.Text.Json;
using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Tests;

namespace Gulou.Events.BrowserTests.Progress;

/// <summary>A district with two plans: the dashboard opens on the plan in force today, with the district's name, and switches to the other.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanSwitchTests(BrowserFixture browser)
{
    private const string Shipped = "gulou-2021-2025";
    private const string Next = "test-fixture-2026-2030";

    [Fact]
    public async Task The_dashboard_shows_the_plan_in_force_and_switches_to_the_other_with_its_own_figures()
    {
        var district = await browser.NewDistrictAsync();
        var partner = await district.PartnerAsync("福州大学");
        var auditor = await district.AuditorAsync();
        await partner.ReportAsync("C-2025", "competition", "2025-06-01", new AudienceCounts(Youth: 300));
        var fixture = File.ReadAllText(RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json"));
        await district.Admin.PutAsync<JsonElement>($"/api/v1/admin/plans/{Next}", fixture, HttpStatusCode.OK);
        await partner.ReportAsync("C-2026", "competition", "2026-05-01", new AudienceCounts(Youth: 120), "青少年机器人竞赛");
        await partner.ReportAsync("AI-2026", "ai_lecture", "2026-05-02", new AudienceCounts(Youth: 40, Public: 10), "人工智能科普讲座");
        var next = JsonSerializer.Deserialize<PlanCatalog>(fixture, ApiClient.Json)!;
        var shipped = await auditor.Api.GetAsync<PlanCatalog>($"/api/v1/plan?plan={Shipped}");

        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(auditor.Key);

        // Today is in 2026: the 2026–2030 plan is in force.
        Assert.Equal(district.Name, await page.TextAsync("#district-name"));
        Assert.Equal(next.Title.Zh, await page.TextAsync("#plan-title"));
        Assert.Equal(Next, await page.Page.InputValueAsync("#plan"));
        Assert.Equal([Shipped, Next], await page.AttributesAsync("#plan option", "value"));
        Assert.Equal(next.Targets.Select(t => t.Code), await page.AttributesAsync("article.card", "data-target"));
        await page.SelectYearAsync(2026);
        Assert.Equal(120, await page.NumberAsync("article.card[data-target='FX-T-COMPETITION'] [data-figure=actual]"));
        Assert.Equal(1, await page.NumberAsync("article.card[data-target='FX-T-AI'] [data-figure=actual]"));

        await page.Page.SelectOptionAsync("#plan", Shipped);
        await page.Page.WaitForSelectorAsync("article.card[data-target='T-COMPETITION']");
        await page.WaitForViewAsync("live:plan");
        Assert.Equal(shipped.Title.Zh, await page.TextAsync("#plan-title"));
        Assert.Equal(district.Name, await page.TextAsync("#district-name"));
        await page.SelectYearAsync(2025);
        Assert.Equal(300, await page.NumberAsync("article.card[data-target='T-COMPETITION'] [data-figure=actual]"));
        Assert.DoesNotContain("FX-T-AI", await page.AttributesAsync("article.card", "data-target"));
        await page.ScreenshotAsync("plan-switched");
        page.ShouldHaveRunCleanly();
    }
}
