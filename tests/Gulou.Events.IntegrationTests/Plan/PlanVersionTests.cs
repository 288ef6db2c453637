using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;
using static Gulou.Events.IntegrationTests.Plan.PlanFixture;

namespace Gulou.Events.IntegrationTests.Plan;

/// <summary>Plans as versioned data: a district publishes the catalog of its next plan, and activities belong to the plan whose period holds their date.</summary>
// The figures test ends with a verification, which runs over every district: beside other tests it would move figures they wait for.
[Collection(AloneCollection.Name)]
public sealed class PlanVersionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_published_plan_is_listed_with_its_version_and_answers_in_its_period()
    {
        var district = await app.NewDistrictAsync();
        var auditor = await district.AuditorAsync();

        var before = (await auditor.GetAsync("/api/v1/plans")).ShouldBe(HttpStatusCode.OK).As<List<PlanDto>>();
        var shipped = Assert.Single(before);
        Assert.Equal((Shipped, 1, true), (shipped.Id, shipped.Versions.Count, shipped.InForce));
        Assert.Null(shipped.Versions[0].PublishedAt);

        var published = (await PublishAsync(district.Admin, Next, FixtureText)).ShouldBe(HttpStatusCode.OK).As<PlanPublishedDto>();

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FixtureText)));
        Assert.Equal((Next, 1, expectedHash, false), (published.PlanId, published.Version.Version, published.Version.ContentHash, published.Unchanged));
        Assert.Equal(new PlanPeriod(2026, 2030), published.Period);

        var plans = (await auditor.GetAsync("/api/v1/plans")).ShouldBe(HttpStatusCode.OK).As<List<PlanDto>>();
        Assert.Equal([Shipped, Next], plans.Select(p => p.Id));
        Assert.Equal([false, true], plans.Select(p => p.InForce)); // today is in 2026
        var version = Assert.Single(plans[1].Versions);
        Assert.Equal(expectedHash, version.ContentHash);
        Assert.NotNull(version.PublishedAt);
        Assert.Contains("institution", version.PublishedBy, StringComparison.Ordinal);

        Assert.Equal(Next, (await auditor.GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>().Id);
        var old = (await auditor.GetAsync($"/api/v1/plan?plan={Shipped}")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();
        Assert.Equal((Shipped, 13), (old.Id, old.Targets.Count));
        Assert.Equal("not_found", (await auditor.GetAsync("/api/v1/plan?plan=gulou-1990")).Problem(HttpStatusCode.NotFound).Code);
    }

    [Fact]
    public async Task The_same_catalog_again_changes_nothing_and_a_new_one_is_the_next_version()
    {
        var district = await app.NewDistrictAsync();
        await PublishAsync(district.Admin, Next, FixtureText);
        var events = await district.EventCountAsync();

        var again = (await PublishAsync(district.Admin, Next, FixtureText)).ShouldBe(HttpStatusCode.OK).As<PlanPublishedDto>();
        Assert.True(again.Unchanged);
        Assert.Equal(events, await district.EventCountAsync());

        var raised = Edit(FixtureText, c => c["targets"]![0]!["value"] = 1200);
        var second = (await PublishAsync(district.Admin, Next, raised)).ShouldBe(HttpStatusCode.OK).As<PlanPublishedDto>();
        Assert.Equal((2, false), (second.Version.Version, second.Unchanged));

        var plan = (await district.Admin.GetAsync($"/api/v1/plan?plan={Next}")).As<PlanCatalog>();
        Assert.Equal(1200, plan.Targets[0].Value);
        var listed = (await district.Admin.GetAsync("/api/v1/plans")).As<List<PlanDto>>().Single(p => p.Id == Next);
        Assert.Equal([1, 2], listed.Versions.Select(v => v.Version));
    }

    [Theory]
    [InlineData("unknown kind", "$.targets[0].counting.activityKinds[0]")]
    [InlineData("unreadable", "$.targets[0].kind")]
    [InlineData("another id", "$.id")]
    [InlineData("overlapping", "$.period")]
    public async Task A_bad_catalog_is_refused_with_the_json_path_of_each_problem(string flaw, string path)
    {
        var district = await app.NewDistrictAsync();
        var events = await district.EventCountAsync();
        var text = flaw switch
        {
            "unknown kind" => Edit(FixtureText, c => c["targets"]![0]!["counting"]!["activityKinds"] = new JsonArray("ai_talk")),
            "unreadable" => Edit(FixtureText, c => c["targets"]![0]!["kind"] = "every_now_and_then"),
            "another id" => Edit(FixtureText, c => c["id"] = "gulou-2026-2030"),
            _ => Edit(FixtureText, c => c["period"]!["from"] = 2025),
        };

        var problem = (await PublishAsync(district.Admin, Next, text)).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(flaw == "unreadable" ? "malformed_json" : "validation_failed", problem.Code);
        Assert.Contains(path, problem.Errors.Keys);
        Assert.Equal(events, await district.EventCountAsync());
    }

    [Fact]
    public async Task Only_the_district_administrator_publishes()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        Assert.Equal("forbidden", (await PublishAsync(partner, Next, FixtureText)).Problem(HttpStatusCode.Forbidden).Code);
        Assert.Equal("unauthenticated", (await app.Anonymous.SendAsync(HttpMethod.Put, $"/api/v1/admin/plans/{Next}", Encoding.UTF8.GetBytes(FixtureText), null))
            .Problem(HttpStatusCode.Unauthorized).Code);
        Assert.Single((await partner.GetAsync("/api/v1/plans")).As<List<PlanDto>>());
    }

    [Fact]
    public async Task The_shipped_plan_changes_with_its_data_file_not_over_the_api()
    {
        var district = await app.NewDistrictAsync();
        var shipped = (await district.Admin.GetAsync($"/api/v1/plan?plan={Shipped}")).As<PlanCatalog>();
        var events = await district.EventCountAsync();

        var refused = (await PublishAsync(district.Admin, Shipped, JsonSerializer.Serialize(shipped, ApiClient.Json))).Problem(HttpStatusCode.Conflict);

        Assert.Equal("invalid_state", refused.Code);
        Assert.Equal(events, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_2026_report_waits_for_its_plan_and_is_checked_against_that_catalog()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var day = new DateOnly(2026, 3, 14);

        var refused = (await partner.PostAsync("/api/v1/activities", AiLecture("AI-1", day))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(ErrorCodes.NoPlanForDate, refused.Code);
        Assert.Contains("occurredOn", refused.Errors.Keys);
        var batch = (await partner.PostAsync("/api/v1/activities/batch", new ReportBatch([AiLecture("AI-2", day), Reports.Competition("C-2025", 30, new DateOnly(2025, 6, 1))])))
            .ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        Assert.Equal([ReportOutcome.Rejected, ReportOutcome.Created], batch.Items.Select(i => i.Outcome));
        Assert.Equal(ErrorCodes.NoPlanForDate, batch.Items[0].Code);
        var import = (await partner.PostRawAsync("/api/v1/activities/import", "externalRef,kind,title,occurredOn,youth,public\r\nAI-3,ai_lecture,人工智能讲座,2026-03-14,10,5\r\n", "text/csv"))
            .ShouldBe(HttpStatusCode.OK).Json();
        Assert.Equal(ErrorCodes.NoPlanForDate, import.GetProperty("items")[0].GetProperty("code").GetString());

        await PublishAsync(district.Admin, Next, FixtureText);

        var created = (await partner.PostAsync("/api/v1/activities", AiLecture("AI-1", day))).ShouldBe(HttpStatusCode.Created).As<ActivityDto>();
        Assert.Equal(["FX-01"], created.MeasureCodes);
        // A kind of the 2021–2025 plan is no kind of the 2026–2030 one, and the other way round.
        var oldKind = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("LAB-2026") with { OccurredOn = day })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["kind"], oldKind.Errors.Keys);
        var newKind = (await partner.PostAsync("/api/v1/activities", AiLecture("AI-2025", new DateOnly(2025, 3, 14)))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["kind"], newKind.Errors.Keys);
        // Above the new kind's ceiling of 500 person-times the report is held, as under the shipped plan.
        var held = (await partner.PostAsync("/api/v1/activities", AiLecture("AI-BIG", day, 800))).ShouldBe(HttpStatusCode.Created).As<ActivityDto>();
        Assert.Equal((ActivityStatus.Reported, ActivityStatus.NeedsReview), (created.Status, held.Status));
        var rebatch = (await partner.PostAsync("/api/v1/activities/batch", new ReportBatch([AiLecture("AI-2", day)]))).As<BatchResult>();
        Assert.Equal(ReportOutcome.Created, rebatch.Items[0].Outcome);
    }

    [Fact]
    public async Task The_2021_2025_figures_stay_as_they_were_when_the_next_plan_is_published_and_used()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("C-2024", 40, new DateOnly(2024, 5, 1)));
        await partner.ReportAsync(Reports.Competition("C-2025", 25, new DateOnly(2025, 11, 2)));
        await partner.ReportAsync(Reports.LabOpenDay("LAB-2023"));
        var before = await FiguresAsync(district.Admin);
        var competition = before.Targets.Single(t => t.Code == "T-COMPETITION");
        Assert.Equal(65, competition.Series.Sum(p => p.Actual)); // 40 + 25, posted above

        await PublishAsync(district.Admin, Next, FixtureText);
        await partner.ReportAsync(Reports.Competition("C-2026", 300, new DateOnly(2026, 4, 1)));
        await partner.ReportAsync(AiLecture("AI-2026", new DateOnly(2026, 4, 2)));

        var after = await FiguresAsync(district.Admin);
        Assert.Equal(JsonSerializer.Serialize(before.Targets, ApiClient.Json), JsonSerializer.Serialize(after.Targets, ApiClient.Json));
        Assert.Equal(JsonSerializer.Serialize(before.Units, ApiClient.Json), JsonSerializer.Serialize(after.Units, ApiClient.Json));

        var verified = await Projections.VerifyAsync(district.Admin);
        Assert.Equal("succeeded", verified.State);
        Assert.Empty(verified.Differences ?? []);
    }

    private static async Task<(IReadOnlyList<TargetProgressDto> Targets, UnitsOverview Units)> FiguresAsync(Actor admin)
    {
        // Today is in 2026: once the next plan is published, the 2021–2025 figures are those of plan={Shipped}.
        var targets = (await admin.GetAsync($"/api/v1/progress?plan={Shipped}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>().Targets;
        var units = (await admin.GetAsync($"/api/v1/progress/units?plan={Shipped}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<UnitsOverview>();
        return (targets, units with { Freshness = new Freshness(0, 0, true) });
    }
}
