using System.Net;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Reviews;
using Npgsql;

namespace Gulou.Events.IntegrationTests.Districts;

/// <summary>
/// The fixture's service has a second database in its pool (created in the same cluster): a district placed there
/// reports, reads progress, reviews and verifies exactly as one in the main database, and its data is in its own
/// database only.
/// </summary>
// The command line verifies every district of every database: it runs alone, with no other test writing.
[Collection(AloneCollection.Name)]
public sealed class SecondDatabaseTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_district_in_the_second_database_answers_the_same_as_one_in_the_main_database()
    {
        var main = await app.NewDistrictAsync();
        var second = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var partners = new Dictionary<District, Actor>();
        foreach (var district in new[] { main, second })
        {
            var partner = partners[district] = await district.PartnerAsync();
            await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));
            await partner.ReportAsync(Reports.LabOpenDay("L-1"));
        }

        var cutoff = DateTimeOffset.UtcNow;
        foreach (var district in new[] { main, second })
        {
            await partners[district].ReportAsync(Reports.Competition("C-2", 400, new DateOnly(2023, 4, 1)));
        }

        var progress = new Dictionary<District, ProgressOverview>();
        var reviews = new Dictionary<District, ReviewDto>();
        foreach (var district in new[] { main, second })
        {
            progress[district] = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
            Assert.True(progress[district].Freshness.CaughtUp);
            Assert.Equal(6500, progress[district].Targets.Single(t => t.Code == "T-COMPETITION").Actual);
            reviews[district] = (await district.Admin.GetAsync($"/api/v1/reviews/2023?asOf={Uri.EscapeDataString(cutoff.ToString("O"))}")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();
            Assert.Equal(6100, reviews[district].AsKnown.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
            Assert.Contains(reviews[district].Differences, d => d.Changes.Contains("late_report"));
            var verified = await Projections.VerifyAsync(district.Admin);
            Assert.True(verified.State == "succeeded", string.Join("\n", verified.Differences));
            var overview = (await district.Admin.GetAsync("/api/v1/admin/projections")).ShouldBe(HttpStatusCode.OK).As<ProjectionsOverview>();
            Assert.True(overview.HighWaterMark > 0);
            Assert.Contains(overview.Operations, o => o.Id == verified.Id);
        }

        Assert.Equal(Figures(progress[main]), Figures(progress[second]));
        Assert.Equal(Figures(reviews[main].AsKnown), Figures(reviews[second].AsKnown));
        Assert.Equal(reviews[main].Differences.Select(d => string.Join(",", d.Changes)), reviews[second].Differences.Select(d => string.Join(",", d.Changes)));

        Assert.Equal(0, await EventsOfAsync(app.ConnectionString, second.TenantId));
        Assert.Equal(await EventsOfAsync(app.SecondConnectionString, second.TenantId), await EventsOfAsync(app.ConnectionString, main.TenantId));
        Assert.Equal(0, await EventsOfAsync(app.SecondConnectionString, main.TenantId));
    }

    [Fact]
    public async Task The_command_line_verifies_and_migrates_every_database_of_the_pool()
    {
        var second = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var partner = await second.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));
        await second.Admin.GetAsync("/api/v1/progress?waitForNonStale=true");

        await TamperAsync(second.TenantId, "6100", "6101");
        try
        {
            var (exitCode, output) = await ServiceCommand.RunAsync(app, "projections", "verify");
            Assert.NotEqual(0, exitCode);
            Assert.Contains($"{second.TenantId} Rollup gulou-2021-2025/target/T-COMPETITION/2023", output, StringComparison.Ordinal);
        }
        finally
        {
            await TamperAsync(second.TenantId, "6101", "6100");
        }

        Assert.Equal(0, (await ServiceCommand.RunAsync(app, "projections", "verify")).ExitCode);
        Assert.Equal(0, (await ServiceCommand.RunAsync(app, "db-apply")).ExitCode);
        Assert.Equal(0, (await ServiceCommand.RunAsync(app, "db-assert")).ExitCode);
    }

    [Fact]
    public async Task A_district_moved_to_the_main_database_keeps_its_records_keys_and_figures()
    {
        var district = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));
        await partner.ReportAsync(Reports.LabOpenDay("L-1"));
        var before = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();
        var history = (await partner.GetAsync($"/api/v1/activities/{activity.Id}/history")).ShouldBe(HttpStatusCode.OK).Json();
        var events = await EventsOfAsync(app.SecondConnectionString, district.TenantId);

        var (exitCode, _) = await ServiceCommand.RunAsync(app, "move-district", district.TenantId, "main");

        Assert.Equal(0, exitCode);
        Assert.Equal(0, await EventsOfAsync(app.SecondConnectionString, district.TenantId));
        Assert.Equal(events, await EventsOfAsync(app.ConnectionString, district.TenantId));
        // A node started after the move (the procedure restarts them) finds the district, its keys and its figures in the main database.
        await using var restarted = await AppFixture.StartHostAsync(app.ConnectionString, AppFixture.Schema,
            new Dictionary<string, string>(app.PoolSettings) { ["Gulou:Daemon"] = "Disabled" });
        var listed = (await new ApiClient(restarted, AppFixture.SuperAdminKey).GetAsync("/api/v1/admin/districts")).As<List<Contracts.Districts.DistrictDto>>();
        Assert.Equal("main", listed.Single(d => d.Code == district.TenantId).Database);
        var admin = new ApiClient(restarted, district.Admin.Key);
        var after = await Poll.UntilAsync(() => admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true"),
            r => r.Status == HttpStatusCode.OK && Figures(r.As<ProgressOverview>()) == Figures(before));
        Assert.True(after.As<ProgressOverview>().Freshness.CaughtUp);
        var moved = (await new ApiClient(restarted, partner.Key).GetAsync($"/api/v1/activities/{activity.Id}/history")).ShouldBe(HttpStatusCode.OK).Json();
        Assert.Equal(Types(history), Types(moved));
        (await new ApiClient(restarted, partner.Key).PostAsync("/api/v1/activities", Reports.Competition("C-2", 400, new DateOnly(2023, 4, 1)))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(0, (await ServiceCommand.RunAsync(app, "projections", "verify")).ExitCode);
    }

    [Fact]
    public async Task Readiness_checks_every_database()
    {
        var ready = (await app.Anonymous.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK).Json();

        var store = ready.GetProperty("checks").GetProperty("event-store");
        Assert.Equal("healthy", store.GetProperty("status").GetString());
        Assert.Equal("All 2 databases answer.", store.GetProperty("description").GetString());
    }

    private static string Types(System.Text.Json.JsonElement history) =>
        string.Join(",", history.EnumerateArray().Select(e => $"{e.GetProperty("version").GetInt64()}:{e.GetProperty("type").GetString()}"));

    private static string Figures(ProgressOverview progress) => Figures(progress.Targets);

    private static string Figures(ReviewFigures figures) => Figures(figures.Targets);

    private static string Figures(IEnumerable<TargetProgressDto> targets) =>
        string.Join(";", targets.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => $"{t.Code}={t.Actual}/{t.VerifiedActual}"));

    /// <summary>Changes the district's competition rollup in the second database behind the service's back.</summary>
    private async Task TamperAsync(string tenant, string from, string to)
    {
        await using var connection = new NpgsqlConnection(app.SecondConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"update {AppFixture.Schema}.mt_doc_rollup set data = replace(data::text, $1, $2)::jsonb where tenant_id = $3 and id = 'gulou-2021-2025/target/T-COMPETITION/2023'", connection)
        {
            Parameters = { new() { Value = $"\"youth\": {from}" }, new() { Value = $"\"youth\": {to}" }, new() { Value = tenant } },
        };
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<long> EventsOfAsync(string connectionString, string tenant)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {AppFixture.Schema}.mt_events where tenant_id = $1", connection) { Parameters = { new() { Value = tenant } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
