using System.Net;
using System.Text.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Progress;

/// <summary>
/// The rollups a district's progress is read from hold numbers, never the institutions behind them: those are members
/// of their own, and the figures made of them equal what the reports posted here make, counted in this file.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SlimRollupTests(AppFixture app)
{
    private const string Plan = "gulou-2021-2025";

    private sealed record Posted(Actor Reporter, string Kind, int Year, Actor? Host, AudienceCounts Attendance)
    {
        public Guid Place => (Host ?? Reporter).InstitutionId;
    }

    [Fact]
    public async Task Shared_rollups_hold_no_institution_ids_and_their_members_make_the_figures()
    {
        var district = await app.NewDistrictAsync();
        var auditor = await district.AuditorAsync();
        var partners = new List<Actor>();
        for (var i = 0; i < 5; i++)
        {
            partners.Add(await district.PartnerAsync($"实验室 {i}"));
        }

        var school = await district.SchoolAsync("鼓楼第一中心小学", SchoolStage.Primary);
        var other = await district.SchoolAsync("福州第十六中学", SchoolStage.JuniorSecondary);
        var youth = new AudienceCounts(Youth: 40);
        var posted = new List<Posted>();
        for (var i = 0; i < partners.Count; i++)
        {
            posted.Add(new Posted(partners[i], "lab_open_day", 2022 + (i % 3), i % 2 == 0 ? partners[(i + 1) % partners.Count] : null, youth));
            posted.Add(new Posted(partners[i], "health_talk", 2023, null, new AudienceCounts(Elderly: 20)));
        }

        posted.Add(new Posted(partners[0], "lab_open_day", 2024, school, youth));
        posted.Add(new Posted(school, "competition", 2023, null, youth));
        var ids = new List<ActivityDto>();
        foreach (var (p, n) in posted.Select((p, n) => (p, n)))
        {
            ids.Add((await p.Reporter.PostAsync("/api/v1/activities", new ReportActivity($"slim-{n}", p.Kind, $"{p.Kind} {n}", new DateOnly(p.Year, 5, 1 + (n % 20)),
                Attendance: p.Attendance, HostInstitutionId: p.Host?.InstitutionId))).ShouldBe(HttpStatusCode.Created).As<ActivityDto>());
        }

        // The school's competition is withdrawn: it reached the school in 2023, and no longer does.
        var withdrawn = posted.FindIndex(p => p.Kind == "competition");
        (await school.PostAsync($"/api/v1/activities/{ids[withdrawn].Id}/retraction", new RetractActivity(ids[withdrawn].Version, "未举办"))).ShouldBe(HttpStatusCode.OK);
        posted.RemoveAt(withdrawn);
        var overview = (await auditor.GetAsync("/api/v1/progress?year=2024&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();

        var everyone = partners.Append(school).Append(other).Select(a => a.InstitutionId.ToString()).ToList();
        var rollups = (await RowsAsync(district, "mt_doc_rollup", "true"))
            .Where(r => JsonDocument.Parse(r).RootElement.GetProperty("scope").ToString() is not ("Institution" or "InstitutionTotal" or "institution" or "institutionTotal")).ToList();
        Assert.Contains(rollups, r => JsonDocument.Parse(r).RootElement.GetProperty("id").GetString() == $"{Plan}/total/2023");
        Assert.Contains(rollups, r => JsonDocument.Parse(r).RootElement.GetProperty("id").GetString() == $"{Plan}/target/T-LAB-OPEN/2022");
        Assert.All(rollups, r => Assert.DoesNotContain(everyone, id => r.Contains(id, StringComparison.OrdinalIgnoreCase)));
        Assert.All(rollups, r => Assert.NotEqual(JsonValueKind.Object, Kind(r, "official", "institutions")));

        // The members of the district's total are the institutions that reported, each with its activities of the year.
        var total = (await RowsAsync(district, "mt_doc_rollupmember", $"series = '{Plan}/total'")).Select(m => JsonDocument.Parse(m).RootElement).ToList();
        var expected = posted.GroupBy(p => p.Reporter.InstitutionId).ToDictionary(g => g.Key, g => g.Where(p => p.Year == 2023).Count());
        Assert.Equal(expected.Keys.Order(), total.Select(m => m.GetProperty("institutionId").GetGuid()).Order());
        Assert.All(total, m => Assert.Equal(expected[m.GetProperty("institutionId").GetGuid()],
            m.GetProperty("years").EnumerateArray().Where(y => y.GetProperty("year").GetInt32() == 2023).Sum(y => y.GetProperty("official").GetInt32())));

        // Distinct labs since 2021, and the share of the two registered schools a 2024 activity reached.
        var labs = posted.Where(p => p.Kind == "lab_open_day" && p.Year <= 2024).Select(p => p.Place).Distinct().Count();
        Assert.Equal(labs, overview.Targets.Single(t => t.Code == "T-LAB-OPEN").Actual);
        Assert.Equal(50m, overview.Targets.Single(t => t.Code == "T-SCHOOLS").Actual);
        var left2023 = (await auditor.GetAsync($"/api/v1/schools?year=2023&covered=false&plan={Plan}")).ShouldBe(HttpStatusCode.OK).As<PagedList<SchoolCoverageDto>>();
        Assert.Equal(new[] { school.InstitutionId, other.InstitutionId }.Order(), left2023.Items.Select(s => s.InstitutionId).Order());
        var reached2024 = (await auditor.GetAsync($"/api/v1/schools?year=2024&covered=true&plan={Plan}")).As<PagedList<SchoolCoverageDto>>();
        Assert.Equal((school.InstitutionId, 1), (Assert.Single(reached2024.Items).InstitutionId, reached2024.Items[0].Activities));

        // A unit's figure over the period counts each reporter once, however many years it reported in.
        var units = (await auditor.GetAsync("/api/v1/progress/units?waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();
        Assert.All(units.Institutions, i => Assert.Equal(1, i.Official.Institutions));
        Assert.Equal(posted.Select(p => p.Reporter.InstitutionId).Distinct().Count(), units.Institutions.Count);
    }

    private async Task<List<string>> RowsAsync(District district, string table, string where)
    {
        await using var session = app.Store.QuerySession(district.TenantId);
        return (await session.AdvancedSql.QueryAsync<string>(
            $"select data::text from {AppFixture.Schema}.{table} where tenant_id = ? and {where}", CancellationToken.None, district.TenantId)).ToList();
    }

    private static JsonValueKind Kind(string json, string figures, string property) =>
        JsonDocument.Parse(json).RootElement.GetProperty(figures).TryGetProperty(property, out var value) ? value.ValueKind : JsonValueKind.Undefined;
}
