using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Tests;

namespace Gulou.Events.UnitTests.Plan;

/// <summary>Reading a catalog with the JSON path of each problem, and which version and plan are in force when.</summary>
public sealed class PlanVersionsTests
{
    private static readonly byte[] Fixture = File.ReadAllBytes(RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json"));
    private static readonly byte[] ShippedFile = File.ReadAllBytes(RepositoryRoot.Combine("services", "Gulou.Events.Api", "Plan", "Data", "gulou-2021-2025.json"));

    [Fact]
    public void The_fixture_and_the_shipped_catalog_read_without_problems_and_hash_their_bytes()
    {
        var fixture = PlanCatalogReader.Read(Fixture);
        var shipped = PlanCatalogReader.Read(ShippedFile);

        Assert.True(fixture.IsValid, string.Join("; ", fixture.Problems));
        Assert.True(shipped.IsValid, string.Join("; ", shipped.Problems));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Fixture)), fixture.ContentHash);
        Assert.Equal(new PlanPeriod(2026, 2030), fixture.Catalog!.Period);
    }

    [Fact]
    public void Each_rule_names_the_path_of_the_member_it_concerns()
    {
        var broken = Edit(node =>
        {
            node["measures"]![1]!["leadUnits"] = new JsonArray();
            node["measures"]![0]!["participatingUnits"] = new JsonArray("EDU", "NOBODY");
            node["targets"]![1]!["counting"]!["audience"] = "martians";
            node["activityKinds"]![0]!["personTimesCeiling"] = 0;
            node["coordinatingUnit"] = "NOBODY";
        });

        var problems = PlanCatalogReader.Read(broken).Problems.ToDictionary(p => p.Path, p => p.Message);

        Assert.Equal("measure FX-02 has no lead unit", problems["$.measures[1].leadUnits"]);
        Assert.Equal("measure FX-01 names unit NOBODY, which does not exist", problems["$.measures[0].participatingUnits[1]"]);
        Assert.Equal("target FX-T-COMPETITION counts audience martians, which does not exist", problems["$.targets[1].counting.audience"]);
        Assert.StartsWith("activity kind ai_lecture has a person-times ceiling of 0", problems["$.activityKinds[0].personTimesCeiling"], StringComparison.Ordinal);
        Assert.Equal("the coordinating unit NOBODY does not exist", problems["$.coordinatingUnit"]);
        Assert.Equal(5, problems.Count);
    }

    [Theory]
    [InlineData("kind", "\"every_now_and_then\"", "$.targets[0].kind")]
    [InlineData("value", "\"a lot\"", "$.targets[0].value")]
    public void Json_that_cannot_be_read_is_one_problem_at_its_path(string field, string value, string path)
    {
        var text = Encoding.UTF8.GetString(Fixture);
        var node = JsonNode.Parse(text)!;
        node["targets"]![0]![field] = JsonNode.Parse(value);

        var reading = PlanCatalogReader.Read(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.False(reading.IsValid);
        Assert.Equal(path, Assert.Single(reading.Problems).Path);
    }

    [Fact]
    public void A_later_version_is_in_force_from_its_publication_and_the_first_from_the_start()
    {
        var catalog = PlanCatalogReader.Read(Fixture).Catalog!;
        var raised = catalog with { Targets = [catalog.Targets[0] with { Value = 1200 }, .. catalog.Targets.Skip(1)] };
        var published = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var plan = LoadedPlan.Create(new PlanCatalogPublished(catalog.Id, "h1", published, "admin", catalog));
        plan.Apply(new PlanCatalogPublished(catalog.Id, "h2", published.AddMonths(2), "admin", raised));

        Assert.Equal([1, 2], plan.Versions.Select(v => v.Number));
        Assert.Equal("h1", plan.At(published.AddDays(-10)).ContentHash); // before any publication: the first
        Assert.Equal("h1", plan.At(published.AddMonths(2).AddTicks(-1)).ContentHash);
        Assert.Equal("h2", plan.At(published.AddMonths(2)).ContentHash);
        Assert.Equal(("h2", "h2"), (plan.ContentHash, plan.Latest.ContentHash));
    }

    [Fact]
    public void The_plan_in_force_is_the_one_holding_the_day_else_the_last_begun()
    {
        var shipped = LoadedPlan.Create(new PlanCatalogLoaded("gulou-2021-2025", "a", "file", TestPlan.Shipped.Catalog));
        var next = LoadedPlan.Create(new PlanCatalogPublished("next", "b", DateTimeOffset.UnixEpoch, "admin", PlanCatalogReader.Read(Fixture).Catalog!));

        Assert.Same(shipped, DistrictPlanBook.InForceOn([shipped], new DateOnly(2026, 11, 30)));
        Assert.Same(shipped, DistrictPlanBook.InForceOn([shipped, next], new DateOnly(2025, 12, 31)));
        Assert.Same(next, DistrictPlanBook.InForceOn([shipped, next], new DateOnly(2026, 1, 1)));
        Assert.Same(next, DistrictPlanBook.InForceOn([shipped, next], new DateOnly(2031, 6, 1)));
        Assert.Same(shipped, DistrictPlanBook.InForceOn([shipped, next], new DateOnly(2020, 6, 1)));
        Assert.Null(shipped.Versions[0].PublishedAt);
    }

    private static byte[] Edit(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Fixture)!;
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
