using System.Text.Json;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Tests;

namespace Gulou.Events.UnitTests.Progress;

/// <summary>Two plans in one log: each record counts under its own plan, and a plan's new version recounts that plan where the log publishes it.</summary>
public sealed class PlanFoldTests
{
    private const string Next = "test-fixture-2026-2030";
    private static readonly Guid Fzu = Guid.NewGuid();

    [Fact]
    public async Task A_version_published_in_the_log_recounts_its_plan_only_whatever_the_batches()
    {
        var first = Fixture();
        var competition = first.Targets.Single(t => t.Code == "FX-T-COMPETITION");
        var second = first with { Targets = [.. first.Targets.Select(t => t == competition ? t with { Counting = t.Counting with { ActivityKinds = ["competition", "ai_lecture"] } } : t)] };
        var history = new History();
        var plan = DistrictPlanBook.StreamOf(Next);
        history.Report("competition", new DateOnly(2025, 6, 1), new AudienceCounts(Youth: 300), Fzu);
        history.Append(plan, new PlanCatalogPublished(Next, "v1", DateTimeOffset.UnixEpoch, "admin", first));
        history.Report("competition", new DateOnly(2026, 5, 1), new AudienceCounts(Youth: 120), Fzu, "FX-02");
        history.Report("ai_lecture", new DateOnly(2026, 5, 2), new AudienceCounts(Youth: 40, Public: 10), Fzu, "FX-01");
        var before = await FoldAsync(history, int.MaxValue);
        history.Append(plan, new PlanCatalogPublished(Next, "v2", DateTimeOffset.UnixEpoch.AddDays(1), "admin", second));

        var after = await FoldAsync(history, int.MaxValue);

        Assert.Equal(120, before[$"{Next}/target/FX-T-COMPETITION/2026"].Official.Attendance.Youth);
        Assert.Equal(120 + 40, after[$"{Next}/target/FX-T-COMPETITION/2026"].Official.Attendance.Youth);
        Assert.Equal(300, after["gulou-2021-2025/target/T-COMPETITION/2025"].Official.Attendance.Youth);
        Assert.DoesNotContain(after.Keys, k => k.StartsWith("gulou-2021-2025/", StringComparison.Ordinal) && k.EndsWith("/2026", StringComparison.Ordinal));
        Assert.Equal(Serialize(before.Where(r => !r.Key.StartsWith(Next, StringComparison.Ordinal))), Serialize(after.Where(r => !r.Key.StartsWith(Next, StringComparison.Ordinal))));
        foreach (var size in new[] { 1, 2, 3, 4 })
        {
            Assert.Equal(Serialize(after), Serialize(await FoldAsync(history, size)));
        }
    }

    private static async Task<Dictionary<string, Api.Progress.Rollups.Rollup>> FoldAsync(History history, int batchSize)
    {
        var storage = new MemoryProgressStorage();
        var fold = new ProgressFold(TestPlan.Shipped);
        foreach (var batch in history.Log.Chunk(Math.Min(batchSize, history.Log.Count)))
        {
            await fold.ApplyAsync(storage, batch, CancellationToken.None);
        }

        return storage.Rollups.ToDictionary(r => r.Id);
    }

    private static string Serialize(IEnumerable<KeyValuePair<string, Api.Progress.Rollups.Rollup>> rollups) =>
        JsonSerializer.Serialize(rollups.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new
        {
            r.Key,
            r.Value.Official.Activities,
            r.Value.Official.Attendance,
            r.Value.Official.DistinctInstitutions,
            r.Value.Official.NewInstitutions,
            r.Value.Official.Covered,
            Verified = r.Value.Verified.Activities,
        }));

    private static PlanCatalog Fixture() =>
        PlanCatalogReader.Read(File.ReadAllBytes(RepositoryRoot.Combine("tests", "Fixtures", "plans", "test-fixture-2026-2030.json"))).Catalog!;
}
