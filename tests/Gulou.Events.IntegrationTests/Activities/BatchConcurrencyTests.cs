using System.Net;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>
/// Batches and single reports written at the same moment, by several partners: the progress projection misses none of
/// their events (its documents equal a replay of the log afterwards) and counts exactly what was stored. Guards every
/// way a batch is written, against events appended by concurrent transactions being passed over by the daemon.
/// </summary>
// The verification compares the whole district's projection: it runs alone.
[Collection(AloneCollection.Name)]
public sealed class BatchConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Concurrent_batches_and_single_reports_leave_no_event_behind_the_projection()
    {
        var district = await app.NewDistrictAsync();
        var partners = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            partners.Add(await district.PartnerAsync($"合作单位 {i}"));
        }

        // Youth person-times of each competition posted, by reference: the expected figure is their sum.
        var youth = new Dictionary<string, int>();
        var batches = partners.SelectMany((partner, p) => Enumerable.Range(0, 3).Select(b =>
        {
            var items = Enumerable.Range(0, 60).Select(i => Reports.Competition($"B{p}-{b}-{i}", 1 + ((p * 7) + (b * 5) + i) % 40, new DateOnly(2023, 6, 1))).ToList();
            items.ForEach(r => youth[$"{p}/{r.ExternalRef}"] = r.Attendance!.Youth);
            return (Partner: partner, Batch: new ReportBatch(items.Select(r => (ReportActivity?)r).ToList()));
        })).ToList();
        var singles = partners.SelectMany((partner, p) => Enumerable.Range(0, 15).Select(i =>
        {
            var report = Reports.Competition($"S{p}-{i}", 50 + i, new DateOnly(2023, 7, 1));
            youth[$"{p}/{report.ExternalRef}"] = report.Attendance!.Youth;
            return (Partner: partner, Report: report);
        })).ToList();

        var writes = batches.Select(b => b.Partner.PostAsync("/api/v1/activities/batch", b.Batch))
            .Concat(singles.Select(s => s.Partner.PostAsync("/api/v1/activities", s.Report)))
            .Concat(batches.Take(2).Select(b => b.Partner.PostAsync("/api/v1/activities/batch", b.Batch))) // the same batch twice at once
            .ToList();
        var answers = await Task.WhenAll(writes);
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Created, a.Body));

        var progress = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true&waitSeconds=30")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
        Assert.True(progress.Freshness.CaughtUp);
        Assert.Equal(youth.Values.Sum(), progress.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
        Assert.Equal(youth.Count, (await district.Admin.GetAsync("/api/v1/activities?pageSize=1")).As<Contracts.PagedList<ActivityDto>>().Total);

        var verified = await Projections.VerifyAsync(district.Admin);
        Assert.True(verified.State == "succeeded", string.Join("\n", verified.Differences));
    }
}
