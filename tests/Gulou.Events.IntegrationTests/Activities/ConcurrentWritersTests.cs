using System.Net;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>
/// Eight writers at once, batches (written set-based) and single reports (Marten's append) of four partners, each
/// resending some of what it sent: every activity is stored once, and the progress projection sees every stored
/// event: its position passes the last of them, each activity's tally has applied every event of its stream, the
/// figures are the sums of what was sent, and a replay of the log agrees with the live documents.
/// </summary>
// The verification compares the whole district's projection: it runs alone.
[Collection(AloneCollection.Name)]
public sealed class ConcurrentWritersTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Partners = 4;
    private const int Rounds = 5;

    [Fact]
    public async Task Eight_writers_of_batches_and_single_reports_leave_no_event_unprojected()
    {
        var district = await app.NewDistrictAsync();
        var partners = new List<Actor>();
        for (var p = 0; p < Partners; p++)
        {
            partners.Add(await district.PartnerAsync($"合作单位 {p}"));
        }

        // Youth person-times of each competition sent, by partner and reference: the expected figure is their sum.
        var youth = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var writers = partners.SelectMany((partner, p) => new[] { BatchWriterAsync(partner, p, youth), SingleWriterAsync(partner, p, youth) });
        var answers = (await Task.WhenAll(writers)).SelectMany(a => a).ToList();

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Created, a.Body));
        ProgressOverview progress;
        var waits = 0;
        do
        {
            progress = (await district.Admin.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true&waitSeconds=30")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
        }
        while (!progress.Freshness.CaughtUp && ++waits < 4);

        Assert.True(progress.Freshness.CaughtUp);
        Assert.Equal(youth.Values.Sum(), progress.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
        Assert.Equal(youth.Count, (await district.Admin.GetAsync("/api/v1/activities?pageSize=1")).As<PagedList<ActivityDto>>().Total);

        await using var session = app.Store.QuerySession(district.TenantId);
        var stored = await session.AdvancedSql.QueryAsync<string>(
            $"select concat_ws('|', count(*), count(distinct e.stream_id), coalesce(max(e.seq_id), 0)) from {AppFixture.Schema}.mt_events e " +
            $"join {AppFixture.Schema}.mt_streams s on s.id = e.stream_id and s.tenant_id = e.tenant_id where e.tenant_id = ? and s.type = 'activity_record'",
            CancellationToken.None, district.TenantId);
        var (events, streams, last) = stored.Single().Split('|').Select(long.Parse).ToArray() switch { var n => (n[0], n[1], n[2]) };
        Assert.Equal((youth.Count, youth.Count), (events, streams));
        var tallies = await session.Query<ActivityTally>().ToListAsync();
        Assert.Equal(events, tallies.Where(t => t.Activity is not null).Sum(t => t.Activity!.Version));
        var position = (await district.Admin.GetAsync("/api/v1/admin/projections")).As<ProjectionsOverview>()
            .Projections.Single(p => p.Name == ProgressProjection.Name).Position;
        Assert.True(position >= last, $"The progress projection stands at {position}, before the last stored activity event {last}.");

        var verified = await Projections.VerifyAsync(district.Admin);
        Assert.True(verified.State == "succeeded", string.Join("\n", verified.Differences));
    }

    /// <summary>Batches of 40 new competitions, each followed by the previous batch again (all duplicates).</summary>
    private static async Task<List<ApiResponse>> BatchWriterAsync(Actor partner, int p, System.Collections.Concurrent.ConcurrentDictionary<string, int> youth)
    {
        var answers = new List<ApiResponse>();
        ReportBatch? previous = null;
        for (var round = 0; round < Rounds; round++)
        {
            var items = Enumerable.Range(0, 40).Select(i => Reports.Competition($"B{round}-{i}", 1 + ((p * 7) + (round * 5) + i) % 40, new DateOnly(2023, 6, 1))).ToList();
            items.ForEach(r => youth[$"{p}/{r.ExternalRef}"] = r.Attendance!.Youth);
            var batch = new ReportBatch(items.Cast<ReportActivity?>().ToList());
            answers.Add(await partner.PostAsync("/api/v1/activities/batch", batch));
            if (previous is not null)
            {
                answers.Add(await partner.PostAsync("/api/v1/activities/batch", previous));
            }

            previous = batch;
        }

        return answers;
    }

    /// <summary>Single reports, every fifth one sent twice.</summary>
    private static async Task<List<ApiResponse>> SingleWriterAsync(Actor partner, int p, System.Collections.Concurrent.ConcurrentDictionary<string, int> youth)
    {
        var answers = new List<ApiResponse>();
        for (var i = 0; i < Rounds * 6; i++)
        {
            var report = Reports.Competition($"S-{i}", 50 + ((p + i) % 30), new DateOnly(2023, 7, 1));
            youth[$"{p}/{report.ExternalRef}"] = report.Attendance!.Youth;
            answers.Add(await partner.PostAsync("/api/v1/activities", report));
            if (i % 5 == 0)
            {
                answers.Add(await partner.PostAsync("/api/v1/activities", report));
            }
        }

        return answers;
    }
}
