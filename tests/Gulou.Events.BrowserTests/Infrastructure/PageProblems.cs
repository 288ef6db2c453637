using Microsoft.Playwright;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>Every Content-Security-Policy violation and script error a page causes, for a test to assert there was none.</summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _problems.Add(error);
    }

    public void ShouldBeNone() => Assert.Empty(_problems);
}
