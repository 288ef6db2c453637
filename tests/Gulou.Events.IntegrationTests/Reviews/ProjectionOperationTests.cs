using System.Diagnostics;
using System.Net;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.Tests;
using Marten;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>Rebuilding the progress projection while the service runs, and proving every projection equals a replay of the log.</summary>
// Rebuilds and verifications run over every district: beside other tests they would move figures those tests wait for.
[Collection(AloneCollection.Name)]
public sealed class ProjectionOperationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_rebuild_runs_in_the_background_gives_the_same_figures_and_the_projection_keeps_going()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));
        await partner.ReportAsync(Reports.LabOpenDay("L-1"));
        var before = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();

        var accepted = (await district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=Progress")).ShouldBe(HttpStatusCode.Accepted);
        var operation = await WaitAsync(district.Admin, accepted.As<ProjectionOperationDto>().Id);

        Assert.Equal("succeeded", operation.State);
        var after = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();
        Assert.Equal(before.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)), after.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)));
        await partner.ReportAsync(Reports.Competition("C-2", 400, new DateOnly(2023, 4, 1)));
        var resumed = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();
        Assert.Equal(6500, resumed.Targets.Single(t => t.Code == "T-COMPETITION").Actual);

        var overview = (await district.Admin.GetAsync("/api/v1/admin/projections")).ShouldBe(HttpStatusCode.OK).As<ProjectionsOverview>();
        var progress = overview.Projections.Single(p => p.Name == "Progress");
        Assert.Equal("async", progress.Lifecycle);
        Assert.True(progress.Position <= overview.HighWaterMark);
        Assert.Contains(overview.Projections, p => p is { Name: "ActivityRecord", Lifecycle: "inline" });
        Assert.Contains(overview.Operations, o => o.Id == operation.Id);
    }

    [Fact]
    public async Task Only_administrators_operate_projections_and_only_rebuildable_ones()
    {
        var district = await app.NewDistrictAsync();
        var auditor = await district.AuditorAsync();

        (await auditor.PostAsync("/api/v1/admin/projections/rebuild")).Problem(HttpStatusCode.Forbidden);
        (await auditor.GetAsync("/api/v1/admin/projections")).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("projection", (await district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=ActivityRecord")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
    }

    [Fact]
    public async Task Verification_finds_nothing_on_a_healthy_store_and_catches_a_document_changed_behind_its_back()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));
        await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("L-1"));
        await district.Admin.GetAsync("/api/v1/progress?waitForNonStale=true");

        var healthy = await VerifyAsync(district.Admin);
        Assert.True(healthy.State == "succeeded", string.Join("\n", healthy.Differences));

        await TamperAsync(district.TenantId, "target/T-COMPETITION/2023", "6100", "6101");
        try
        {
            var caught = await VerifyAsync(district.Admin);
            Assert.Equal("failed", caught.State);
            Assert.Contains(caught.Differences, d => d.Contains(district.TenantId, StringComparison.Ordinal) && d.Contains("target/T-COMPETITION/2023", StringComparison.Ordinal));
            Assert.NotEqual(0, await CommandAsync("projections", "verify"));
        }
        finally
        {
            await TamperAsync(district.TenantId, "target/T-COMPETITION/2023", "6101", "6100");
        }

        Assert.Equal(0, await CommandAsync("projections", "verify"));
    }

    [Fact]
    public async Task The_command_line_writes_a_review_as_csv()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("C-1", 6100, new DateOnly(2023, 3, 1)));
        var file = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}.csv");

        Assert.Equal(0, await CommandAsync("review", "2023", "--as-of", DateTimeOffset.UtcNow.ToString("O"), "--format", "csv", "--out", file, "--tenant", district.TenantId));

        var csv = await File.ReadAllTextAsync(file);
        Assert.Contains("target,T-COMPETITION,2023,6100,6100,0", csv, StringComparison.Ordinal);
        Assert.NotEqual(0, await CommandAsync("review", "2023", "--as-of", "soon"));
    }

    private static async Task<ProjectionOperationDto> VerifyAsync(Actor admin)
    {
        var accepted = (await admin.PostAsync("/api/v1/admin/projections/verify")).ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>();
        return await WaitAsync(admin, accepted.Id);
    }

    private static async Task<ProjectionOperationDto> WaitAsync(Actor admin, Guid id)
    {
        for (var i = 0; i < 600; i++)
        {
            var operation = (await admin.GetAsync($"/api/v1/admin/projections/operations/{id}")).ShouldBe(HttpStatusCode.OK).As<ProjectionOperationDto>();
            if (operation.State is "succeeded" or "failed")
            {
                return operation;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Operation {id} did not finish.");
    }

    private async Task TamperAsync(string tenant, string rollupId, string from, string to)
    {
        await using var session = app.Store.LightweightSession();
        await session.AdvancedSql.QueryAsync<int>(
            "update gulou_tests.mt_doc_rollup set data = replace(data::text, ?, ?)::jsonb where tenant_id = ? and id = ? returning 1",
            CancellationToken.None, $"\"youth\": {from}", $"\"youth\": {to}", tenant, rollupId);
    }

    /// <summary>Runs the service's command line against the test schema; returns its exit code.</summary>
    private async Task<int> CommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Combine("services", "Gulou.Events.Api"),
        };
        start.Environment["ConnectionStrings__Gulou"] = app.ConnectionString;
        start.Environment["Gulou__DatabaseSchema"] = "gulou_tests";
        start.Environment["Gulou__Daemon"] = "Disabled";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine(await output + await error);
        return process.ExitCode;
    }
}
