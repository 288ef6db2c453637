using System.Net;
using Gulou.Events.Contracts.Cities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Cities;

/// <summary>
/// A city's answer is tagged like a district's: unchanged, it is a 304 without a body; a record that counts in any of
/// its districts, in either database, changes its tag and its sum; another year or format is another tag.
/// </summary>
// The tag follows each district's projection position, which every other test's records move.
[Collection(AloneCollection.Name)]
public sealed class CityAnswerTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string View = "/api/v1/city/progress?year=2023";

    [Fact]
    public async Task An_unchanged_city_answer_costs_no_body_and_a_record_in_any_district_changes_it()
    {
        var main = await app.NewDistrictAsync();
        var second = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var fzu = await main.PartnerAsync("福州大学");
        var mju = await second.PartnerAsync("闽江学院");
        await fzu.ReportAsync(Reports.Competition("C-1", 2100, new DateOnly(2023, 3, 1)));
        var created = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity("c" + Guid.NewGuid().ToString("N")[..12], "福州市", [main.TenantId, second.TenantId])))
            .ShouldBe(HttpStatusCode.Created).As<CityCreated>();
        var auditor = new ApiClient(app.Host, created.AuditorKey.Key);

        var first = (await auditor.GetAsync($"{View}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2100, Competition(first));
        var tag = first.Headers.ETag.ToString();
        Assert.NotEmpty(tag);
        Assert.Equal("private, no-cache", first.Headers.CacheControl.ToString());

        var again = (await auditor.GetAsync(View)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(tag, again.Headers.ETag.ToString());
        Assert.Equal(first.Body, again.Body);
        var unchanged = await auditor.GetAsync(View, new Dictionary<string, string> { ["If-None-Match"] = tag });
        Assert.Equal(HttpStatusCode.NotModified, unchanged.Status);
        Assert.Empty(unchanged.Body);

        var csv = (await auditor.GetAsync(View, new Dictionary<string, string> { ["Accept"] = "text/csv", ["If-None-Match"] = tag })).ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(tag, csv.Headers.ETag.ToString());
        var otherYear = (await auditor.GetAsync("/api/v1/city/progress?year=2024", new Dictionary<string, string> { ["If-None-Match"] = tag })).ShouldBe(HttpStatusCode.OK);
        Assert.NotEqual(tag, otherYear.Headers.ETag.ToString());

        // A report in the district of the second database counts: a new tag and the new sum.
        await mju.ReportAsync(Reports.Competition("C-2", 300, new DateOnly(2023, 4, 1)));
        var changed = (await auditor.GetAsync($"{View}&waitForNonStale=true", new Dictionary<string, string> { ["If-None-Match"] = tag })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2100 + 300, Competition(changed));
        Assert.NotEqual(tag, changed.Headers.ETag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await auditor.GetAsync(View, new Dictionary<string, string> { ["If-None-Match"] = changed.Headers.ETag.ToString() })).Status);
    }

    private static decimal Competition(ApiResponse response) =>
        response.As<CityProgress>().Targets.Single(t => t.Code == "T-COMPETITION").Actual!.Value;
}
