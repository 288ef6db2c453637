using System.Net;
using System.Text.RegularExpressions;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.Tests;

namespace Gulou.Events.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's files and the reporting and verification pages built from them: served without a key, every one of
/// them, with the hardening headers and revalidation.
/// </summary>
public sealed partial class DashboardServingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Assets = RepositoryRoot.Combine("services", "Gulou.Events.Api", "Dashboard", "Assets");

    public static TheoryData<string> Files() => new(Directory.GetFiles(Assets).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/app.js")]
    [InlineData("/dashboard/missing.js")]
    [InlineData("/report")]
    [InlineData("/report/app.js")]
    [InlineData("/verify")]
    [InlineData("/verify/")]
    public async Task Every_dashboard_answer_carries_the_security_headers(string url)
    {
        var response = await app.Anonymous.GetAsync(url);

        var policy = Directives(response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.DoesNotContain("unsafe", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
    }

    [Fact]
    public async Task The_page_is_served_without_a_key_and_anything_else_under_it_is_not_found()
    {
        var page = (await app.Anonymous.GetAsync("/dashboard")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html; charset=utf-8", page.Headers.ContentType.ToString());
        Assert.Contains("<script type=\"module\" src=\"/dashboard/app.js\"></script>", page.Body, StringComparison.Ordinal);

        Assert.Equal("not_found", (await app.Anonymous.GetAsync("/dashboard/missing.js")).Problem(HttpStatusCode.NotFound).Code);
        (await app.Anonymous.PostAsync("/dashboard/app.js")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/report", "/dashboard/report.js")]
    [InlineData("/verify", "/dashboard/verify.js")]
    public async Task The_reporting_and_verification_pages_load_their_modules_from_the_dashboard_and_nothing_else_is_under_them(string path, string module)
    {
        var page = (await app.Anonymous.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html; charset=utf-8", page.Headers.ContentType.ToString());
        Assert.Contains($"<script type=\"module\" src=\"{module}\"></script>", page.Body, StringComparison.Ordinal);
        Assert.Equal(page.Body, (await app.Anonymous.GetAsync($"{path}/")).ShouldBe(HttpStatusCode.OK).Body);

        Assert.Equal("not_found", (await app.Anonymous.GetAsync($"{path}/api.js")).Problem(HttpStatusCode.NotFound).Code);
        Assert.Equal("not_found", (await app.Anonymous.GetAsync($"{path}/index.html")).Problem(HttpStatusCode.NotFound).Code);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_shipped_file_is_served_as_it_is_in_the_repository_and_revalidated(string file)
    {
        var served = (await app.Anonymous.GetAsync($"/dashboard/{file}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Assets, file)), served.Body);
        Assert.Equal("no-cache", served.Headers.CacheControl.ToString());
        var etag = served.Headers.ETag.ToString();
        Assert.NotEmpty(etag);
        var again = await app.Anonymous.GetAsync($"/dashboard/{file}", new Dictionary<string, string> { ["If-None-Match"] = etag });
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Empty(again.Body);
        Assert.Equal("nosniff", again.Headers.XContentTypeOptions.ToString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task No_file_fetches_anything_from_elsewhere_or_runs_inline(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Assets, file));

        // The SVG namespace is a name, not an address anything is fetched from.
        Assert.DoesNotMatch(ExternalAddress(), text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineCode(), text);
        Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex(@"https?://|//[a-z0-9.-]+\.[a-z]{2,}/|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddress();

    /// <summary>A script element without src, a style element or attribute, or an inline event handler.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
