using System.Net;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
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
        var operation = await Projections.WaitAsync(district.Admin, accepted.As<ProjectionOperationDto>().Id);

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
    public async Task A_rebuild_and_a_verification_agree_with_the_rules_for_resubmitted_held_hosted_and_school_records()
    {
        var district = await app.NewDistrictAsync();
        var university = await district.PartnerAsync();
        var school = await district.SchoolAsync("福州第十六中学", Contracts.Institutions.SchoolStage.JuniorSecondary);
        await district.SchoolAsync("鼓楼第一中心小学", Contracts.Institutions.SchoolStage.Primary);
        var education = await district.UnitAsync("EDU");
        await school.ReportAsync(Reports.LabOpenDay("V-1") with { HostInstitutionId = university.InstitutionId });
        await university.ReportAsync(Reports.LabOpenDay("HELD", youth: 5_000));
        var rejected = await university.ReportAsync(Reports.Competition("C-1", 300, new DateOnly(2023, 3, 1)));
        var decided = (await education.PostAsync($"/api/v1/activities/{rejected.Id}/verification", new Contracts.Activities.VerifyActivity(Contracts.Activities.VerificationDecision.Rejected, "无签到表")))
            .ShouldBe(HttpStatusCode.OK).As<Contracts.Activities.ActivityDto>();
        (await university.PostAsync($"/api/v1/activities/{rejected.Id}/attendance", new Contracts.Activities.RecordAttendance(decided.Version, Youth: 5))).ShouldBe(HttpStatusCode.OK);
        var before = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();
        var units = (await district.Admin.GetAsync("/api/v1/progress/units?year=2023")).As<UnitsOverview>();

        var rebuilt = await Projections.WaitAsync(district.Admin, (await district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=Progress")).ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>().Id);
        var verified = await Projections.VerifyAsync(district.Admin);

        Assert.Equal("succeeded", rebuilt.State);
        Assert.True(verified.State == "succeeded", string.Join("\n", verified.Differences));
        var after = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();
        Assert.Equal(before.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)), after.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)));
        // The school reached through the university's lab is half the register; the lab counts once; the rejected and held count nothing.
        Assert.Equal((50m, 1m, 0m), (after.Targets.Single(t => t.Code == "T-SCHOOLS").Actual, after.Targets.Single(t => t.Code == "T-LAB-OPEN").Actual, after.Targets.Single(t => t.Code == "T-COMPETITION").Actual));
        Same.Json(units, (await district.Admin.GetAsync("/api/v1/progress/units?year=2023")).As<UnitsOverview>() with { Freshness = units.Freshness });
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

        var healthy = await Projections.VerifyAsync(district.Admin);
        Assert.True(healthy.State == "succeeded", string.Join("\n", healthy.Differences));

        await TamperAsync(district.TenantId, "gulou-2021-2025/target/T-COMPETITION/2023", "6100", "6101");
        try
        {
            var caught = await Projections.VerifyAsync(district.Admin);
            Assert.Equal("failed", caught.State);
            Assert.Contains(caught.Differences, d => d.Contains(district.TenantId, StringComparison.Ordinal) && d.Contains("gulou-2021-2025/target/T-COMPETITION/2023", StringComparison.Ordinal));
            Assert.NotEqual(0, await CommandAsync("projections", "verify"));
        }
        finally
        {
            await TamperAsync(district.TenantId, "gulou-2021-2025/target/T-COMPETITION/2023", "6101", "6100");
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

    private async Task TamperAsync(string tenant, string rollupId, string from, string to)
    {
        await using var session = app.Store.LightweightSession();
        await session.AdvancedSql.QueryAsync<int>(
            "update gulou_tests.mt_doc_rollup set data = replace(data::text, ?, ?)::jsonb where tenant_id = ? and id = ? returning 1",
            CancellationToken.None, $"\"youth\": {from}", $"\"youth\": {to}", tenant, rollupId);
    }

    /// <summary>Runs the service's command line against the test schema; returns its exit code.</summary>
    private async Task<int> CommandAsync(params string[] args) => (await ServiceCommand.RunAsync(app, args)).ExitCode;
}
