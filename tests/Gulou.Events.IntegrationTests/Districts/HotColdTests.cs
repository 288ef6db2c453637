using System.Net;
using Alba;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Districts;

/// <summary>
/// Two nodes with the projection daemon in HotCold mode over a pool of two databases (a schema of their own): each
/// database's projections run on one node, and when that node stops the other carries them on.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HotColdTests(AppFixture app)
{
    private const string Schema = "gulou_hotcold_tests";

    [Fact]
    public async Task Each_databases_projections_run_on_one_node_and_the_other_takes_over_when_it_stops()
    {
        IAlbaHost? first = await NodeAsync();
        await using var second = await NodeAsync();
        try
        {
            await RunAsync(first, second, () => first = null);
        }
        finally
        {
            if (first is not null)
            {
                await first.DisposeAsync();
            }
        }
    }

    private static async Task RunAsync(IAlbaHost first, IAlbaHost second, Action stopped)
    {
        var districts = new List<(ApiClient Admin, ApiClient Partner)>();
        foreach (var database in new[] { "main", AppFixture.SecondDatabase })
        {
            districts.Add(await DistrictAsync(first, database));
        }

        foreach (var (_, partner) in districts)
        {
            (await partner.PostAsync("/api/v1/activities", Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)))).ShouldBe(HttpStatusCode.Created);
        }

        foreach (var (admin, _) in districts)
        {
            await CompetitionAsync(new ApiClient(second, admin.Key!), 6100);
            var states = new[] { first, second }.Select(async node => await ProgressStateAsync(new ApiClient(node, admin.Key!)));
            Assert.Equal(["on_another_node", "running"], (await Task.WhenAll(states)).Order(StringComparer.Ordinal));
        }

        await first.DisposeAsync();
        stopped();
        foreach (var (admin, partner) in districts)
        {
            (await new ApiClient(second, partner.Key!).PostAsync("/api/v1/activities", Reports.Competition("C-2", 400, new DateOnly(2023, 4, 1)))).ShouldBe(HttpStatusCode.Created);
            await CompetitionAsync(new ApiClient(second, admin.Key!), 6500);
            Assert.Equal("running", await ProgressStateAsync(new ApiClient(second, admin.Key!)));
        }
    }

    private Task<IAlbaHost> NodeAsync() => AppFixture.StartHostAsync(app.ConnectionString, Schema,
        new Dictionary<string, string>(app.PoolSettings) { ["Gulou:Daemon"] = "HotCold" });

    private static async Task<(ApiClient Admin, ApiClient Partner)> DistrictAsync(IAlbaHost node, string database)
    {
        var code = "t" + Guid.NewGuid().ToString("N")[..12];
        var created = (await new ApiClient(node, AppFixture.SuperAdminKey).PostAsync("/api/v1/admin/districts", new CreateDistrict(code, "热备区", database)))
            .ShouldBe(HttpStatusCode.Created).As<DistrictCreated>();
        var admin = new ApiClient(node, created.AdministratorKey.Key);
        var partner = (await admin.PostAsync("/api/v1/institutions", new RegisterInstitution("福州大学", InstitutionKind.University, Role.Partner))).As<InstitutionDto>();
        var key = (await admin.PostAsync($"/api/v1/institutions/{partner.Id}/keys")).As<IssuedKey>();
        return (admin, new ApiClient(node, key.Key));
    }

    /// <summary>Waits until the district's competition figure, as its node reads it, is <paramref name="expected"/>.</summary>
    private static Task<ApiResponse> CompetitionAsync(ApiClient admin, decimal expected) =>
        Poll.UntilAsync(() => admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true&waitSeconds=1"),
            r => r.Status == HttpStatusCode.OK && r.As<ProgressOverview>().Targets.Single(t => t.Code == "T-COMPETITION").Actual == expected);

    private static async Task<string> ProgressStateAsync(ApiClient admin) =>
        (await admin.GetAsync("/api/v1/admin/projections")).ShouldBe(HttpStatusCode.OK).As<ProjectionsOverview>().Projections.Single(p => p.Name == "Progress").State;
}
