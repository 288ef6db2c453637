using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>
/// The partners' /report or the units' /verify on a phone-sized screen (375×812), in a fresh browser context, with
/// what a person does on it. Policy violations and script errors are collected; every view a test looks at is
/// checked with axe-core and saved as a screenshot.
/// </summary>
public sealed class DeskPage : IAsyncDisposable
{
    private static readonly string[] Serious = ["serious", "critical"];
    private readonly IBrowserContext _context;
    private readonly PageProblems _problems;

    private DeskPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        _problems = new PageProblems(page);
    }

    public IPage Page { get; }

    public static async Task<DeskPage> OpenAsync(IBrowser browser, Uri address, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            DeviceScaleFactor = 1,
            HasTouch = true,
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        var desk = new DeskPage(context, await context.NewPageAsync());
        await desk.Page.GotoAsync(path);
        await desk.WaitForViewAsync("key");
        return desk;
    }

    public async Task SignInAsync(string key, string view)
    {
        await Page.FillAsync("#key-input", key);
        await Page.PressAsync("#key-input", "Enter");
        await WaitForViewAsync(view);
    }

    /// <summary>Waits until the page says it shows a view whose name starts with this (key, list, queue:N, activity:ID:VERSION, error:KIND).</summary>
    public async Task WaitForViewAsync(string view)
    {
        try
        {
            await Page.WaitForSelectorAsync($"body[data-view^='{view}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException e)
        {
            var shown = await Page.EvaluateAsync<string>("() => `${document.body.dataset.view}: ${document.getElementById('message')?.innerText ?? ''}`");
            throw new TimeoutException($"Waited for the view {view}; the page shows {shown}", e);
        }
    }

    public async Task<string> TextAsync(string selector) => (await Page.Locator(selector).InnerTextAsync()).Trim();

    /// <summary>The field's input (or select, or textarea) inside the form, by the JSON field it fills.</summary>
    public ILocator Field(string form, string field) =>
        Page.Locator($"form[data-form={form}] [data-field='{field}']").Locator("input, select, textarea").First;

    /// <summary>The API's message shown beside a field of a form.</summary>
    public Task<string> ErrorOfAsync(string form, string field) => TextAsync($"form[data-form={form}] [data-field='{field}'] p.error");

    /// <summary>The messages a refused request's problem gives for one field (an API client's answer, to compare with the page).</summary>
    public static string ErrorsOf(System.Text.Json.JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));

    public async Task OpenActionAsync(string action) => await Page.ClickAsync($"details[data-action={action}] summary");

    /// <summary>
    /// axe-core's verdict on the page as it is now: no serious or critical violation; nothing wider than the phone's
    /// screen; then a screenshot of it under the test output's screenshots/.
    /// </summary>
    public async Task CheckAsync(string name)
    {
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: the page is wider than the screen");
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => Serious.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{name}: {string.Join(Environment.NewLine, serious)}");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"{name}.png"), FullPage = true });
    }

    public void ShouldHaveRunCleanly() => _problems.ShouldBeNone();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
