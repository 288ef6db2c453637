using System.Net;
using System.Text;
using System.Text.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class BatchTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Batch = "/api/v1/activities/batch";
    private const int ReportBatchLimit = 8 * 1024 * 1024;

    [Fact]
    public async Task A_mixed_batch_answers_every_item_in_order_and_stores_the_valid_ones()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var stored = await partner.ReportAsync(Reports.LabOpenDay("STORED-1"));
        var taken = await partner.ReportAsync(Reports.LabOpenDay("TAKEN-1"));
        var before = await district.EventCountAsync();

        var result = (await partner.PostAsync(Batch, new ReportBatch(
        [
            Reports.Competition("NEW-1", 40, new DateOnly(2023, 4, 1)),
            Reports.LabOpenDay("STORED-1"),
            Reports.LabOpenDay("TAKEN-1", youth: 999),
            Reports.LabOpenDay("BAD-1") with { Title = "", Attendance = new AudienceCounts(Youth: -1) },
            null,
            Reports.Competition("NEW-1", 40, new DateOnly(2023, 4, 1)),
            Reports.Competition("NEW-1", 41, new DateOnly(2023, 4, 1)),
            Reports.Competition("NEW-2", 60, new DateOnly(2024, 4, 1)),
        ]))).ShouldBe(HttpStatusCode.OK).As<BatchResult>();

        Assert.Equal(Enumerable.Range(0, 8), result.Items.Select(i => i.Index));
        Assert.Equal(
            [ReportOutcome.Created, ReportOutcome.Duplicate, ReportOutcome.Conflict, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Duplicate, ReportOutcome.Conflict, ReportOutcome.Created],
            result.Items.Select(i => i.Outcome));
        Assert.Equal(new OutcomeCounts(2, 2, 2, 2), result.Counts);
        Assert.Equal(stored.Id, result.Items[1].Id);
        Assert.Equal(taken.Id, result.Items[2].Id);
        Assert.Equal("external_ref_conflict", result.Items[2].Code);
        Assert.Equal(["attendance.youth", "title"], result.Items[3].Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("BAD-1", result.Items[3].ExternalRef);
        Assert.Equal(["body"], result.Items[4].Errors!.Keys);
        Assert.Equal(result.Items[0].Id, result.Items[5].Id);
        Assert.Equal("external_ref_conflict", result.Items[6].Code);

        Assert.Equal(before + 2, await district.EventCountAsync());
        var created = await partner.ActivityAsync(result.Items[0].Id!.Value);
        Assert.Equal(("NEW-1", 40, 1L), (created.ExternalRef, created.Attendance.Youth, created.Version));
        Assert.Equal(120, (await partner.ActivityAsync(taken.Id)).Attendance.Youth);
    }

    [Fact]
    public async Task Items_are_judged_exactly_as_single_reports_are()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var bad = Reports.LabOpenDay("BAD-2") with { OccurredOn = new DateOnly(2019, 1, 1), MeasureCodes = ["ACT-99"], Title = new string('科', 201) };

        var single = (await partner.PostAsync("/api/v1/activities", bad)).Problem(HttpStatusCode.BadRequest);
        var batched = (await partner.PostAsync(Batch, new ReportBatch([bad]))).As<BatchResult>().Items.Single();

        Assert.Equal(ReportOutcome.Rejected, batched.Outcome);
        Assert.Equal(single.Errors.Keys.Order(StringComparer.Ordinal), batched.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(single.Errors["occurredOn"], batched.Errors["occurredOn"]);

        var one = await partner.ReportAsync(Reports.LabOpenDay("SAME-1"));
        var again = (await partner.PostAsync(Batch, new ReportBatch([Reports.LabOpenDay("SAME-1") with { Title = "  化学实验室开放日 " }]))).As<BatchResult>();
        Assert.Equal((ReportOutcome.Duplicate, one.Id), (again.Items[0].Outcome, again.Items[0].Id));
    }

    [Fact]
    public async Task Sending_the_same_batch_again_stores_nothing_more()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var batch = new ReportBatch(Enumerable.Range(1, 50)
            .Select(i => (ReportActivity?)Reports.Competition($"TERM-{i}", i, new DateOnly(2023, 3, 1).AddDays(i)))
            .Append(Reports.LabOpenDay("BAD") with { Kind = "party" })
            .ToList());

        var first = (await partner.PostAsync(Batch, batch)).ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        var events = await district.EventCountAsync();
        var second = (await partner.PostAsync(Batch, batch)).ShouldBe(HttpStatusCode.OK).As<BatchResult>();

        Assert.Equal(new OutcomeCounts(50, 0, 0, 1), first.Counts);
        Assert.Equal(new OutcomeCounts(0, 50, 0, 1), second.Counts);
        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.Equal(events, await district.EventCountAsync());
    }

    [Fact]
    public async Task Identical_batches_sent_at_once_store_each_activity_once()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var batch = new ReportBatch(Enumerable.Range(1, 40).Select(i => (ReportActivity?)Reports.Competition($"RACE-{i}", i, new DateOnly(2023, 5, 1))).ToList());

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => partner.PostAsync(Batch, batch)));

        var results = answers.Select(a => a.ShouldBe(HttpStatusCode.OK).As<BatchResult>()).ToList();
        Assert.Equal(40, results.Sum(r => r.Counts.Created));
        Assert.All(results, r => Assert.Equal(40, r.Counts.Created + r.Counts.Duplicate));
        Assert.Single(results.Select(r => string.Join(',', r.Items.Select(i => i.Id))).Distinct());
        Assert.Equal(40, (await partner.GetAsync("/api/v1/activities?pageSize=100")).As<PagedList<ActivityDto>>().Total);
    }

    [Fact]
    public async Task An_atomic_batch_with_an_invalid_item_stores_nothing_and_still_lists_every_item()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var response = await partner.PostAsync($"{Batch}?atomic=true", new ReportBatch(
            [Reports.LabOpenDay("OK-1"), Reports.LabOpenDay("BAD-1") with { Kind = "party" }, null]));

        var problem = response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal(["items[1].kind", "items[2]"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        var items = response.Json().GetProperty("items").Deserialize<List<BatchItemResult>>(ApiClient.Json)!;
        Assert.Equal([ReportOutcome.Created, ReportOutcome.Rejected, ReportOutcome.Rejected], items.Select(i => i.Outcome));
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task An_atomic_batch_with_a_conflict_is_a_409_and_stores_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.LabOpenDay("TAKEN-1"));
        var before = await district.EventCountAsync();

        var response = await partner.PostAsync($"{Batch}?atomic=true", new ReportBatch([Reports.LabOpenDay("OK-1"), Reports.LabOpenDay("TAKEN-1", youth: 5)]));

        Assert.Equal("external_ref_conflict", response.Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(2, response.Json().GetProperty("items").GetArrayLength());
        Assert.Equal(1, response.Json().GetProperty("counts").GetProperty("conflict").GetInt32());
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_valid_atomic_batch_is_stored_whole_and_is_idempotent()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var stored = await partner.ReportAsync(Reports.LabOpenDay("STORED-1"));
        var batch = new ReportBatch([Reports.LabOpenDay("STORED-1"), Reports.LabOpenDay("OK-1"), Reports.LabOpenDay("OK-2")]);

        var first = (await partner.PostAsync($"{Batch}?atomic=true", batch)).ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        var events = await district.EventCountAsync();
        var second = (await partner.PostAsync($"{Batch}?atomic=true", batch)).ShouldBe(HttpStatusCode.OK).As<BatchResult>();

        Assert.True(first.Atomic);
        Assert.Equal(new OutcomeCounts(2, 1, 0, 0), first.Counts);
        Assert.Equal(stored.Id, first.Items[0].Id);
        Assert.Equal(new OutcomeCounts(0, 3, 0, 0), second.Counts);
        Assert.Equal(events, await district.EventCountAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_batch_of_no_items_or_more_than_a_thousand_is_refused_whole(int count)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();
        var items = Enumerable.Range(0, count).Select(i => (ReportActivity?)Reports.LabOpenDay($"R-{i}")).ToList();

        var problem = (await partner.PostAsync(Batch, new ReportBatch(items))).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["items"], problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Theory]
    [InlineData("{}", "items")]
    [InlineData("""{"items":null}""", "items")]
    [InlineData("""{"items":[{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","attendance":{"youth":"many"}}]}""", "items[0].attendance.youth")]
    [InlineData("""{"items":{}}""", "items")]
    [InlineData("[]", "body")]
    public async Task A_batch_that_cannot_be_read_is_refused_whole(string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var problem = (await partner.PostRawAsync(Batch, body)).Problem(HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"'{field}' not among {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_thousand_long_reports_pass_the_routes_raised_body_limit_and_a_bigger_body_does_not()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var items = Enumerable.Range(0, ReportBatch.MaxItems)
            .Select(i => (ReportActivity?)(Reports.LabOpenDay($"LONG-{i}") with { Title = new string('科', 200), Venue = new string('楼', 200), Community = new string('区', 100) }))
            .ToList();
        var body = JsonSerializer.Serialize(new ReportBatch(items), ApiClient.Json);
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 1024 * 1024, ReportBatchLimit);

        var result = (await partner.PostRawAsync(Batch, body)).ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        Assert.Equal(ReportBatch.MaxItems, result.Counts.Created);

        var before = await district.EventCountAsync();
        var huge = body.Replace("]}", "," + string.Join(',', Enumerable.Repeat(JsonSerializer.Serialize(items[0], ApiClient.Json), 6000)) + "]}", StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(huge) > ReportBatchLimit);
        Assert.Equal("payload_too_large", (await partner.PostRawAsync(Batch, huge)).Problem(HttpStatusCode.RequestEntityTooLarge).Code);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task The_figures_count_exactly_the_items_that_were_stored()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        var day = new DateOnly(2022, 6, 1);

        await partner.PostAsync(Batch, new ReportBatch(
        [
            Reports.Competition("C-1", 100, day),
            Reports.Competition("C-2", 250, day),
            Reports.Competition("C-2", 250, day),
            Reports.Competition("C-2", 999, day),
            Reports.Competition("C-3", -4, day),
        ]));

        var target = (await auditor.GetAsync("/api/v1/progress/targets/T-COMPETITION?year=2022&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<TargetProgressDto>();
        Assert.Equal(350m, target.Actual);
    }
}
