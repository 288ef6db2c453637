using System.Globalization;
using Microsoft.Playwright;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>
/// The dashboard in a fresh browser context (its own session storage), with what a person would do on it.
/// Any policy violation or script error the page causes is collected, and a test ends by asserting there was none.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly PageProblems _problems;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        _problems = new PageProblems(page);
    }

    public IPage Page { get; }

    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "zh-CN",
        });
        var dashboard = new DashboardPage(context, await context.NewPageAsync());
        await dashboard.Page.GotoAsync("/dashboard");
        return dashboard;
    }

    public async Task SignInAsync(string key, string view = "live:plan")
    {
        await Page.FillAsync("#key-input", key);
        await Page.ClickAsync("#key-form button[type=submit]");
        await WaitForViewAsync(view);
    }

    /// <summary>Waits until the page says it shows this view (live:YEAR, review:YEAR, key, error:KIND).</summary>
    public Task WaitForViewAsync(string view) => Page.WaitForSelectorAsync($"body[data-view='{view}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    public async Task SelectYearAsync(int? year)
    {
        var value = year?.ToString(CultureInfo.InvariantCulture) ?? "";
        await Page.SelectOptionAsync("#year", value);
        await WaitForViewAsync($"live:{(year is null ? "plan" : value)}");
    }

    public async Task<string> TextAsync(string selector) => (await Page.Locator(selector).InnerTextAsync()).Trim();

    /// <summary>A figure as shown ("6,200", "88.9%", "18.5") as a number.</summary>
    public async Task<decimal> NumberAsync(string selector) => Number(await TextAsync(selector));

    /// <summary>
    /// An instant as a <c>datetime-local</c> input holds it in the district (UTC+8), to the second: the value the
    /// input keeps after it is filled. Chromium drops <c>:00</c> seconds, so a whole minute is written without them
    /// (Playwright refuses a fill whose value the input then shows differently).
    /// </summary>
    public static string DateTimeLocal(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(8));
        return local.ToString(local.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static decimal Number(string shown) =>
        decimal.Parse(shown.Replace(",", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<string>> AttributesAsync(string selector, string attribute)
    {
        var values = new List<string>();
        foreach (var element in await Page.Locator(selector).AllAsync())
        {
            values.Add(await element.GetAttributeAsync(attribute) ?? "");
        }

        return values;
    }

    /// <summary>The rows that match, by the row's data attribute, each as its cells' texts by their data-col.</summary>
    public Task<Dictionary<string, Dictionary<string, string>>> RowsAsync(string rows, string key) =>
        Page.EvaluateAsync<Dictionary<string, Dictionary<string, string>>>(
            """
            ([rows, key]) => Object.fromEntries([...document.querySelectorAll(rows)].map(r => [r.dataset[key],
              Object.fromEntries([...r.querySelectorAll('td[data-col]')].map(c => [c.dataset.col, c.innerText.trim()]))]))
            """,
            new[] { rows, key });

    /// <summary>Saves what the page shows under the test output's screenshots/ (the whole page, or the window when a dialog is open).</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"{name}.png"), FullPage = fullPage });

    public void ShouldHaveRunCleanly() => _problems.ShouldBeNone();

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
