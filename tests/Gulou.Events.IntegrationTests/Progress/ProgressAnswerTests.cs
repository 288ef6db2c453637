using System.Net;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Progress;

/// <summary>Progress answers kept at the projection's position: tagged, answered 304 while unchanged, and new once a record counts.</summary>
// The tag follows the projection's position in the database, which every other test's records move.
[Collection(AloneCollection.Name)]
public sealed class ProgressAnswerTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/api/v1/progress/targets/T-COMPETITION?year=2023")]
    [InlineData("/api/v1/progress?year=2023")]
    public async Task An_unchanged_answer_costs_no_body_and_a_record_that_counts_changes_its_tag_and_its_figure(string view)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));

        var first = (await district.Admin.GetAsync($"{view}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(6100, Competition(first));
        var tag = first.Headers.ETag.ToString();
        Assert.NotEmpty(tag);
        Assert.Equal("private, no-cache", first.Headers.CacheControl.ToString());

        var again = (await district.Admin.GetAsync(view)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(tag, again.Headers.ETag.ToString());
        Assert.Equal(first.Body, again.Body);
        var unchanged = await district.Admin.GetAsync(view, new Dictionary<string, string> { ["If-None-Match"] = tag });
        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Empty(unchanged.Body);
        Assert.Equal(first.Headers["X-Projection-Sequence"].ToString(), unchanged.Headers["X-Projection-Sequence"].ToString());

        // The same answer as CSV is another body, with a tag of its own.
        var csv = (await district.Admin.GetAsync(view, new Dictionary<string, string> { ["Accept"] = "text/csv", ["If-None-Match"] = tag })).ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(tag, csv.Headers.ETag.ToString());
        Assert.Contains("T-COMPETITION", csv.Body, StringComparison.Ordinal);

        await partner.ReportAsync(Reports.Competition("C-2", 400, new DateOnly(2023, 4, 1)));
        var changed = (await district.Admin.GetAsync($"{view}&waitForNonStale=true", new Dictionary<string, string> { ["If-None-Match"] = tag })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(6500, Competition(changed));
        Assert.NotEqual(tag, changed.Headers.ETag.ToString());

        // Another district's answer is its own, whatever the position.
        var other = await app.NewDistrictAsync();
        var elsewhere = (await other.Admin.GetAsync($"{view}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, Competition(elsewhere));
        Assert.NotEqual(changed.Headers.ETag.ToString(), elsewhere.Headers.ETag.ToString());
    }

    private static decimal Competition(ApiResponse response) => response.Json().TryGetProperty("targets", out var targets)
        ? targets.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "T-COMPETITION").GetProperty("actual").GetDecimal()
        : response.As<TargetProgressDto>().Actual;
}
