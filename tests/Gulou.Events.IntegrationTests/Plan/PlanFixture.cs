using System.Text;
using System.Text.Json.Nodes;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.Tests;

namespace Gulou.Events.IntegrationTests.Plan;

/// <summary>The shipped plan, the 2026–2030 test fixture catalog, and publishing it (or a version of it) over REST.</summary>
internal static class PlanFixture
{
    public const string Shipped = "gulou-2021-2025";
    public const string Next = "test-fixture-2026-2030";
    public static readonly string FixtureText = File.ReadAllText(RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json"));

    public static Task<ApiResponse> PublishAsync(Actor admin, string planId, string json) =>
        admin.SendAsync(HttpMethod.Put, $"/api/v1/admin/plans/{planId}", Encoding.UTF8.GetBytes(json));

    /// <summary>The catalog JSON with a change made to it.</summary>
    public static string Edit(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString();
    }

    /// <summary>A report of the fixture's AI lecture kind.</summary>
    public static ReportActivity AiLecture(string externalRef, DateOnly day, int youth = 60) => new(
        externalRef, "ai_lecture", "人工智能科普讲座", day, Attendance: new AudienceCounts(Youth: youth, Public: 20));
}
