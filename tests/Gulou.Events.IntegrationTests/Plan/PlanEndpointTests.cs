using System.Net;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Plan;

public sealed class PlanEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Anyone_with_a_key_reads_the_catalog()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var plan = (await partner.GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();

        Assert.Equal("gulou-2021-2025", plan.Id);
        Assert.Equal(28, plan.Measures.Count);
        Assert.Equal(13, plan.Targets.Count);
        Assert.Equal(TargetKind.AnnualCoverage, plan.Targets.Single(t => t.Code == "T-SCHOOLS").Kind);
        Assert.Contains(plan.ActivityKinds, k => k is { Code: "lab_open_day", PersonTimesCeiling: 2_000 });
        Assert.Equal("CAST", plan.CoordinatingUnit);
    }

    [Fact]
    public async Task The_catalog_uses_the_contracts_codes_in_json()
    {
        var district = await app.NewDistrictAsync();

        var json = (await district.Admin.GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK).Json();

        var target = json.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "T-COMPETITION");
        Assert.Equal("annual_sum", target.GetProperty("kind").GetString());
        Assert.Equal("at_least", target.GetProperty("comparison").GetString());
        Assert.Equal("key_project", json.GetProperty("sections")[4].GetProperty("kind").GetString());
        var bases = json.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "T-BASES");
        Assert.Equal("new_in_period", bases.GetProperty("counting").GetProperty("reading").GetString());
        var rank = json.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "T-COMMUNITIES-RANK");
        Assert.Equal(("ranking", "at_most", "T-COMMUNITIES", "city"), (rank.GetProperty("kind").GetString(), rank.GetProperty("comparison").GetString(),
            rank.GetProperty("beside").GetString(), rank.GetProperty("counting").GetProperty("rankedAmong").GetString()));
    }

    [Fact]
    public async Task Without_a_key_the_catalog_is_refused()
    {
        var problem = (await app.Anonymous.GetAsync("/api/v1/plan")).Problem(HttpStatusCode.Unauthorized);

        Assert.Equal("unauthenticated", problem.Code);
    }

    [Fact]
    public async Task Each_district_records_the_catalog_it_runs_with()
    {
        var district = await app.NewDistrictAsync();

        await using var session = app.Store.QuerySession(district.TenantId);
        var recorded = await Marten.QueryableExtensions.ToListAsync(session.Events.QueryRawEventDataOnly<PlanCatalogLoaded>());

        var loaded = Assert.Single(recorded);
        Assert.Equal("gulou-2021-2025", loaded.PlanId);
        Assert.Equal(28, loaded.Catalog.Measures.Count);
    }
}
