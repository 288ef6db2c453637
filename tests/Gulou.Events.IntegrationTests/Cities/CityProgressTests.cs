using System.Net;
using System.Text.Json.Nodes;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Cities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Cities;

/// <summary>
/// A city auditor reads the districts of its city side by side, across databases: each district's row is that
/// district's own progress answer, a target is summed where the districts' targets match and add up, and the sums
/// equal both the districts' own answers added up and what the test posted.
/// </summary>
public sealed class CityProgressTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string FixturePlan = "test-fixture-2026-2030";

    [Fact]
    public async Task A_city_sums_the_figures_of_its_districts_in_both_databases_and_sees_no_other_district()
    {
        var main = await app.NewDistrictAsync();
        var second = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var outside = await app.NewDistrictAsync();

        // What each district's partners post: competitions (youth person-times) and lab open days (distinct institutions).
        var posted = new List<(District District, Actor Partner, int CompetitionYouth, bool LabOpenDay)>();
        async Task PostAsync(District district, Actor partner, string reference, int? competitionYouth, bool labOpenDay)
        {
            if (competitionYouth is { } youth)
            {
                await partner.ReportAsync(Reports.Competition($"{reference}-C", youth, new DateOnly(2023, 3, 1)));
            }

            if (labOpenDay)
            {
                await partner.ReportAsync(Reports.LabOpenDay($"{reference}-L"));
            }

            posted.Add((district, partner, competitionYouth ?? 0, labOpenDay));
        }

        await PostAsync(main, await main.PartnerAsync("福州大学"), "M1", 2100, labOpenDay: true);
        await PostAsync(main, await main.PartnerAsync("福建师范大学"), "M2", 400, labOpenDay: false);
        await PostAsync(second, await second.PartnerAsync("闽江学院"), "S1", 3300, labOpenDay: true);
        await PostAsync(second, await second.PartnerAsync("福州一中"), "S2", null, labOpenDay: true);
        await PostAsync(outside, await outside.PartnerAsync("外市大学"), "O1", 700, labOpenDay: true);

        var created = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity(NewCode(), "福州市", [main.TenantId, second.TenantId])))
            .ShouldBe(HttpStatusCode.Created).As<CityCreated>();
        Assert.Equal([main.TenantId, second.TenantId], created.City.Districts);
        var auditor = new ApiClient(app.Host, created.AuditorKey.Key);

        var response = (await auditor.GetAsync("/api/v1/city/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK);
        var city = response.As<CityProgress>();
        Assert.DoesNotContain(outside.TenantId, response.Body, StringComparison.Ordinal);
        Assert.Equal([main.TenantId, second.TenantId], city.Districts.Select(d => d.Code));
        // Each district's answer waited for its projection; other tests of the shared host may have written since, so
        // whether it is still caught up says nothing here: the figures below show the posted reports were counted.
        Assert.All(city.Districts, d => Assert.NotNull(d.Freshness));
        Assert.All(city.Districts, d => Assert.Equal("gulou-2021-2025", d.PlanId));

        bool InCity(District d) => d == main || d == second;
        var competition = city.Targets.Single(t => t.Code == "T-COMPETITION");
        Assert.True(competition.Summed, competition.Why);
        Assert.Equal(posted.Where(p => InCity(p.District)).Sum(p => p.CompetitionYouth), competition.Actual);
        var labs = city.Targets.Single(t => t.Code == "T-LAB-OPEN");
        Assert.True(labs.Summed, labs.Why);
        Assert.Equal(posted.Where(p => InCity(p.District) && p.LabOpenDay).Select(p => p.Partner.InstitutionId).Distinct().Count(), labs.Actual);
        foreach (var district in new[] { main, second })
        {
            Assert.Equal(posted.Where(p => p.District == district).Sum(p => p.CompetitionYouth), competition.Districts.Single(d => d.District == district.TenantId).Actual);
        }

        // Every row is the district's own answer; every sum is the rows' sum.
        var own = new Dictionary<string, ProgressOverview>();
        foreach (var district in new[] { main, second })
        {
            own[district.TenantId] = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
        }

        Assert.Equal(own[main.TenantId].Targets.Select(t => t.Code), city.Targets.Select(t => t.Code));
        foreach (var target in city.Targets)
        {
            Assert.Equal([main.TenantId, second.TenantId], target.Districts.Select(d => d.District));
            foreach (var row in target.Districts)
            {
                var theirs = own[row.District].Targets.Single(t => t.Code == target.Code);
                Assert.Equal((theirs.TargetValue, theirs.Actual, theirs.VerifiedActual, theirs.Share, theirs.Status), (row.TargetValue, row.Actual, row.VerifiedActual, row.Share, row.Status));
            }

            if (target.Summed)
            {
                Assert.Equal(own.Values.Sum(o => o.Targets.Single(t => t.Code == target.Code).Actual), target.Actual);
                Assert.Equal(own.Values.Sum(o => o.Targets.Single(t => t.Code == target.Code).VerifiedActual), target.VerifiedActual);
                Assert.Equal(own.Values.Sum(o => o.Targets.Single(t => t.Code == target.Code).TargetValue), target.TargetValue);
                Assert.Equal(Math.Round(target.Actual!.Value / target.TargetValue!.Value, 4), target.Share);
            }
            else
            {
                Assert.Null(target.Actual);
                Assert.False(string.IsNullOrWhiteSpace(target.Why));
            }
        }

        // Ratios, shares of a district's schools, ranks and distinct persons do not add up across districts.
        foreach (var code in new[] { "T-LITERACY", "T-SCHOOLS", "T-LITERACY-RANK-CITY", "T-VOLUNTEERS" })
        {
            var target = city.Targets.Single(t => t.Code == code);
            Assert.False(target.Summed);
            Assert.Equal("not_additive", target.NotSummed);
        }

        // A district added later is read at once.
        (await app.SuperAdmin.PostAsync($"/api/v1/admin/cities/{created.City.Code}/districts", new AddCityDistrict(outside.TenantId))).ShouldBe(HttpStatusCode.OK);
        var grown = (await auditor.GetAsync("/api/v1/city/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<CityProgress>();
        Assert.Equal(posted.Sum(p => p.CompetitionYouth), grown.Targets.Single(t => t.Code == "T-COMPETITION").Actual);

        var csv = (await auditor.GetAsync("/api/v1/city/progress?year=2023", new Dictionary<string, string> { ["Accept"] = "text/csv" })).ShouldBe(HttpStatusCode.OK);
        Assert.Contains($"T-COMPETITION,", csv.Body, StringComparison.Ordinal);
        Assert.Contains($",{outside.TenantId},", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_counted_differently_or_missing_in_a_district_is_shown_per_district_and_not_summed()
    {
        var first = await app.NewDistrictAsync();
        var second = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var without = await app.NewDistrictAsync();
        var fixture = await File.ReadAllTextAsync(Gulou.Events.Tests.RepositoryRoot.Combine("tests", "Fixtures", "plans", $"{FixturePlan}.json"));
        var variant = JsonNode.Parse(fixture)!;
        var ai = variant["targets"]!.AsArray().Single(t => (string?)t!["code"] == "FX-T-AI")!;
        ai["counting"]!["audience"] = "youth";
        await PublishAsync(first, fixture);
        await PublishAsync(second, variant.ToJsonString());

        var pair = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity(NewCode(), "两区", [first.TenantId, second.TenantId])))
            .ShouldBe(HttpStatusCode.Created).As<CityCreated>();
        var auditor = new ApiClient(app.Host, pair.AuditorKey.Key);
        var city = (await auditor.GetAsync($"/api/v1/city/progress?plan={FixturePlan}")).ShouldBe(HttpStatusCode.OK).As<CityProgress>();
        Assert.All(city.Districts, d => Assert.Equal(FixturePlan, d.PlanId));
        Assert.NotEqual(city.Districts[0].PlanVersion, city.Districts[1].PlanVersion);
        var competition = city.Targets.Single(t => t.Code == "FX-T-COMPETITION");
        Assert.True(competition.Summed, competition.Why);
        var differing = city.Targets.Single(t => t.Code == "FX-T-AI");
        Assert.False(differing.Summed);
        Assert.Equal("differs_between_districts", differing.NotSummed);
        Assert.Contains("counting", differing.Why, StringComparison.Ordinal);
        Assert.Equal([first.TenantId, second.TenantId], differing.Districts.Select(d => d.District));
        Assert.Null(differing.Actual);

        (await app.SuperAdmin.PostAsync($"/api/v1/admin/cities/{pair.City.Code}/districts", new AddCityDistrict(without.TenantId))).ShouldBe(HttpStatusCode.OK);
        var three = (await auditor.GetAsync($"/api/v1/city/progress?plan={FixturePlan}")).ShouldBe(HttpStatusCode.OK).As<CityProgress>();
        Assert.Null(three.Districts.Single(d => d.Code == without.TenantId).PlanId);
        Assert.All(three.Targets, t => Assert.Equal("not_in_every_district", t.NotSummed));
        Assert.All(three.Targets, t => Assert.Contains(without.TenantId, t.Why, StringComparison.Ordinal));

        (await auditor.GetAsync("/api/v1/city/progress?plan=no-such-plan")).Problem(HttpStatusCode.NotFound);

        // The catalogs behind the answer: each district's plans as it lists them, with the catalog in force.
        var plans = (await auditor.GetAsync("/api/v1/city/plans")).ShouldBe(HttpStatusCode.OK).As<List<CityDistrictPlans>>();
        Assert.Equal([first.TenantId, second.TenantId, without.TenantId], plans.Select(p => p.District));
        foreach (var district in new[] { first, second, without })
        {
            var own = (await district.Admin.GetAsync("/api/v1/plans")).ShouldBe(HttpStatusCode.OK).As<List<Contracts.Plan.PlanDto>>();
            Same.Json(own, plans.Single(p => p.District == district.TenantId).Plans.Select(p => p.Plan).ToList());
        }

        var counting = plans.Single(p => p.District == second.TenantId).Plans.Single(p => p.Plan.Id == FixturePlan).Catalog.Targets.Single(t => t.Code == "FX-T-AI").Counting;
        Assert.Equal("youth", counting.Audience);
    }

    [Fact]
    public async Task Cities_name_registered_districts_only_and_their_keys_are_revoked_at_once()
    {
        var district = await app.NewDistrictAsync();
        var unknown = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity(NewCode(), "某市", [district.TenantId, "no-such-district"])))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("districts[1]", unknown.Errors.Keys);
        var bad = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity("Not A Code", "", []))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("code", bad.Errors.Keys);
        Assert.Contains("name", bad.Errors.Keys);
        Assert.Contains("districts", bad.Errors.Keys);
        var missing = (await app.SuperAdmin.PostRawAsync("/api/v1/admin/cities", """{"code":"cmissing","name":"某市"}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("districts", missing.Errors.Keys);

        var code = NewCode();
        var created = (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity(code, "某市", [district.TenantId]))).ShouldBe(HttpStatusCode.Created).As<CityCreated>();
        Assert.Equal(ErrorCodes.InvalidState, (await app.SuperAdmin.PostAsync("/api/v1/admin/cities", new CreateCity(code, "某市", [district.TenantId]))).Problem(HttpStatusCode.Conflict).Code);
        (await app.SuperAdmin.PostAsync($"/api/v1/admin/cities/{NewCode()}/districts", new AddCityDistrict(district.TenantId))).Problem(HttpStatusCode.NotFound);
        Assert.Contains((await app.SuperAdmin.GetAsync("/api/v1/admin/cities")).ShouldBe(HttpStatusCode.OK).As<List<CityDto>>(), c => c.Code == code);

        var second = (await app.SuperAdmin.PostAsync($"/api/v1/admin/cities/{code}/keys?label=inspection")).ShouldBe(HttpStatusCode.Created).As<IssuedCityKey>();
        var first = new ApiClient(app.Host, created.AuditorKey.Key);
        (await first.GetAsync("/api/v1/city/progress")).ShouldBe(HttpStatusCode.OK);
        (await app.SuperAdmin.DeleteAsync($"/api/v1/admin/cities/{code}/keys/{created.AuditorKey.KeyId}")).ShouldBe(HttpStatusCode.NoContent);
        (await first.GetAsync("/api/v1/city/progress")).Problem(HttpStatusCode.Unauthorized);
        (await new ApiClient(app.Host, second.Key).GetAsync("/api/v1/city/progress")).ShouldBe(HttpStatusCode.OK);
        (await app.SuperAdmin.DeleteAsync($"/api/v1/admin/cities/{NewCode()}/keys/{second.KeyId}")).Problem(HttpStatusCode.NotFound);
    }

    private static string NewCode() => "c" + Guid.NewGuid().ToString("N")[..12];

    private static async Task PublishAsync(District district, string catalog) =>
        (await district.Admin.SendAsync(HttpMethod.Put, $"/api/v1/admin/plans/{FixturePlan}", System.Text.Encoding.UTF8.GetBytes(catalog))).ShouldBe(HttpStatusCode.OK);
}
