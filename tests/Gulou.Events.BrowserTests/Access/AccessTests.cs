using Gulou.Events.BrowserTests.Infrastructure;

namespace Gulou.Events.BrowserTests.Access;

/// <summary>What the page says when the key is wrong, revoked or not allowed, or the service cannot be reached; and where it keeps the key.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Unauthenticated = "密钥无效或已被吊销，请重新输入。";
    private District _district = null!;
    private Actor _auditor = null!;

    public async Task InitializeAsync()
    {
        _district = await browser.NewDistrictAsync();
        _auditor = await _district.AuditorAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_key_the_service_does_not_know_is_refused_in_chinese_then_in_english()
    {
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync("not-a-key-of-this-service", "error:unauthenticated");

        Assert.Equal(Unauthenticated, await page.TextAsync("#message"));
        Assert.True(await page.Page.IsVisibleAsync("#key-form"));
        Assert.True(await page.Page.IsHiddenAsync("main#live"));
        Assert.Null(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('gulou.dashboard.key')"));
        await page.ScreenshotAsync("refused-key");

        await page.Page.ClickAsync("#language");
        Assert.Equal("The key was not accepted (unknown or revoked). Enter it again.", await page.TextAsync("#message"));
        Assert.Equal("Enter your access key", await page.TextAsync("#key-form h2"));
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task A_key_revoked_while_the_page_is_open_sends_the_auditor_back_to_the_key_form()
    {
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_auditor.Key);

        await _district.Admin.DeleteAsync($"/api/v1/keys/{_auditor.KeyId}");
        await page.Page.SelectOptionAsync("#year", "2024");
        await page.WaitForViewAsync("error:unauthenticated");

        Assert.Equal(Unauthenticated, await page.TextAsync("#message"));
        Assert.True(await page.Page.IsVisibleAsync("#key-form"));
        Assert.True(await page.Page.IsHiddenAsync("main#live"));
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task A_partner_key_is_told_it_may_not_read_the_review()
    {
        var partner = await _district.PartnerAsync("福州大学");
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(partner.Key);

        await page.Page.FillAsync("#as-of", "2024-01-31T23:59:59");
        await page.WaitForViewAsync("error:forbidden");

        Assert.Equal("此密钥的角色无权查看该内容。", await page.TextAsync("#message"));
        Assert.True(await page.Page.IsVisibleAsync("#controls"));
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task An_unreachable_service_is_said_so_and_the_page_recovers_when_it_answers_again()
    {
        await using var page = await browser.OpenDashboardAsync();
        await page.SignInAsync(_auditor.Key);

        await page.Page.RouteAsync("**/api/v1/**", route => route.AbortAsync("connectionrefused"));
        await page.Page.SelectOptionAsync("#year", "2023");
        await page.WaitForViewAsync("error:unreachable");
        Assert.Equal("无法连接服务，请检查网络后重试。", await page.TextAsync("#message"));
        Assert.True(await page.Page.IsHiddenAsync("main#live"), "the figures of the year before must not stand under 2023");
        await page.ScreenshotAsync("unreachable", fullPage: false);

        await page.Page.UnrouteAllAsync();
        await page.SelectYearAsync(2022);
        Assert.True(await page.Page.IsHiddenAsync("#message"));
        Assert.True(await page.Page.IsVisibleAsync("main#live"));
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task The_key_is_kept_for_the_browser_session_only()
    {
        await using (var page = await browser.OpenDashboardAsync())
        {
            await page.SignInAsync(_auditor.Key);

            Assert.Equal(_auditor.Key, await page.Page.EvaluateAsync<string>("() => sessionStorage.getItem('gulou.dashboard.key')"));
            Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => localStorage.length"));
            Assert.Equal("", await page.Page.EvaluateAsync<string>("() => document.cookie"));
            Assert.DoesNotContain(_auditor.Key, page.Page.Url, StringComparison.Ordinal);

            await page.Page.ReloadAsync();
            await page.WaitForViewAsync("live:plan");
        }

        await using var another = await browser.OpenDashboardAsync();
        await another.WaitForViewAsync("key");
        Assert.True(await another.Page.IsVisibleAsync("#key-form"));
    }
}
