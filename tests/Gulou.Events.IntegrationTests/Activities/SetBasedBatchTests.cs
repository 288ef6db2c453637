using System.Net;
using System.Text.Json;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Activities.Batching;
using Gulou.Events.Api.Activities.Reporting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>
/// A batch's new activities are written set-based, outside Marten's append: what they store must be what Marten's own
/// append stores, row for row, and what the same reports sent one by one store, read back, project and count.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SetBasedBatchTests(AppFixture app)
{
    private const string Schema = AppFixture.Schema;

    // Lab open days count toward ACT-02 (up to 2,000 person-times a report, above that held for review), competitions
    // toward ACT-03. One takes place at another institution, one carries every optional field.
    private static IReadOnlyList<ReportActivity> Mixed(Guid host) =>
    [
        Reports.LabOpenDay("M-1", youth: 120),
        Reports.LabOpenDay("M-2", youth: 1_990),
        Reports.LabOpenDay("M-3", youth: 2_500),
        Reports.LabOpenDay("M-4", youth: 30) with { HostInstitutionId = host },
        Reports.Competition("M-5", 75, new DateOnly(2023, 6, 1)),
        Reports.Competition("M-6", 40, new DateOnly(2024, 3, 2)) with
        {
            EndsOn = new DateOnly(2024, 3, 4), Venue = "鼓楼区少年宫", Community = "温泉街道", VolunteerHours = 12.5m,
            Attendance = new AudienceCounts(Youth: 40, Public: 7, Elderly: 2),
        },
    ];

    [Fact]
    public async Task A_batch_stores_reads_back_projects_and_counts_what_the_same_reports_sent_one_by_one_do()
    {
        var batched = await app.NewDistrictAsync();
        var single = await app.NewDistrictAsync();
        var (batchPartner, batchHost) = (await batched.PartnerAsync(), await batched.PartnerAsync("福建师范大学"));
        var (singlePartner, singleHost) = (await single.PartnerAsync(), await single.PartnerAsync("福建师范大学"));

        var result = (await batchPartner.PostAsync("/api/v1/activities/batch", new ReportBatch(Mixed(batchHost.InstitutionId).Cast<ReportActivity?>().ToList())))
            .ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        Assert.All(result.Items, i => Assert.Equal(ReportOutcome.Created, i.Outcome));
        var one = new List<ActivityDto>();
        foreach (var report in Mixed(singleHost.InstitutionId))
        {
            one.Add(await singlePartner.ReportAsync(report));
        }

        for (var i = 0; i < one.Count; i++)
        {
            var fromBatch = await batchPartner.ActivityAsync(result.Items[i].Id!.Value);
            var fromSingle = await singlePartner.ActivityAsync(one[i].Id);
            Assert.Equal(JsonSerializer.Serialize(Comparable(fromSingle, singlePartner, singleHost)), JsonSerializer.Serialize(Comparable(fromBatch, batchPartner, batchHost)));
            Assert.Equal(fromBatch.UpdatedAt, fromBatch.ReportedAt);

            var batchHistory = (await batchPartner.GetAsync($"/api/v1/activities/{fromBatch.Id}/history")).As<List<ActivityHistoryEntry>>();
            var singleHistory = (await singlePartner.GetAsync($"/api/v1/activities/{fromSingle.Id}/history")).As<List<ActivityHistoryEntry>>();
            Assert.Equal(singleHistory.Select(h => (h.Version, h.Type)), batchHistory.Select(h => (h.Version, h.Type)));
            Assert.All(batchHistory, h => Assert.Equal(((Guid?)batchPartner.InstitutionId, fromBatch.ReportedAt), (h.InstitutionId, h.RecordedAt)));
            Assert.All(batchHistory, h => Assert.NotNull(h.KeyId));

            Assert.Equal(
                await StoredRowsAsync(single, one[i].Id, singlePartner.InstitutionId, singleHost.InstitutionId),
                await StoredRowsAsync(batched, fromBatch.Id, batchPartner.InstitutionId, batchHost.InstitutionId));
        }

        Assert.Equal(ActivityStatus.NeedsReview, (await batchPartner.ActivityAsync(result.Items[2].Id!.Value)).Status);

        // Expected figures from what was posted: the held report (M-3) waits outside; the lab open days were reported by
        // one partner (the measure's institutions) and took place at it and, for M-4, at the host (the labs opened).
        foreach (var district in new[] { batched, single })
        {
            var labs = (await district.Admin.GetAsync("/api/v1/progress/measures/ACT-02?year=2023&waitForNonStale=true")).As<MeasureProgressDto>().Official;
            Assert.Equal((3, 120 + 1_990 + 30, 3 * 10, 1), (labs.Activities, labs.PersonTimes.Youth, labs.PersonTimes.Public, labs.Institutions));
            var labsOpened = (await district.Admin.GetAsync("/api/v1/progress/targets/T-LAB-OPEN?waitForNonStale=true")).As<TargetProgressDto>();
            Assert.Equal(2, labsOpened.Actual);
            var contests = (await district.Admin.GetAsync("/api/v1/progress/measures/ACT-03?waitForNonStale=true")).As<MeasureProgressDto>();
            Assert.Equal((2, 75 + 40, 7, 2, 12.5m), (contests.Official.Activities, contests.Official.PersonTimes.Youth, contests.Official.PersonTimes.Public,
                contests.Official.PersonTimes.Elderly, contests.Official.VolunteerHours));
            Assert.Equal([(2023, 1), (2024, 1)], contests.ByYear.Where(y => y.Official.Activities > 0).Select(y => (y.Year, y.Official.Activities)));
        }

        var listed = (await batchPartner.GetAsync("/api/v1/activities?year=2024&pageSize=10")).As<PagedList<ActivityDto>>();
        Assert.Equal(["M-6"], listed.Items.Select(a => a.ExternalRef));
        var held = (await batched.Admin.GetAsync("/api/v1/activities?status=needs_review&pageSize=10")).As<PagedList<ActivityDto>>();
        Assert.Equal(["M-3"], held.Items.Select(a => a.ExternalRef));
    }

    [Fact]
    public async Task The_rows_written_set_based_are_the_rows_Martens_own_append_writes()
    {
        var plan = app.Host.Services.GetRequiredService<DistrictPlanBook>().Shipped;
        var written = new List<(District District, Actor Partner, Actor Host, List<Guid> Ids)>();
        foreach (var viaMarten in new[] { true, false })
        {
            var district = await app.NewDistrictAsync();
            var (partner, host) = (await district.PartnerAsync(), await district.PartnerAsync("福建师范大学"));
            var started = Mixed(host.InstitutionId)
                .Select(r => ReportActivityEndpoint.Decide(r, ActivityAccess.IdFor(district.TenantId, partner.InstitutionId, r.ExternalRef), partner.InstitutionId, null, plan)!)
                .ToList();
            await using (var session = app.Store.LightweightSession(district.TenantId))
            {
                // What the request pipeline stamps on a partner's writes (EventMetadataMiddleware).
                session.CorrelationId = $"rows-{viaMarten}";
                session.LastModifiedBy = partner.InstitutionId.ToString();
                session.SetHeader(EventMetadataMiddleware.KeyHeader, Guid.NewGuid().ToString());
                session.SetHeader(EventMetadataMiddleware.InstitutionHeader, partner.InstitutionId.ToString());
                if (viaMarten)
                {
                    started.ForEach(r => session.Events.StartStream<ActivityRecord>(r.ActivityId, ReportActivityEndpoint.EventsOf(r, plan)));
                }
                else
                {
                    NewActivityStreams.Queue(session, started, _ => plan);
                }

                await session.SaveChangesAsync();
            }

            written.Add((district, partner, host, started.Select(r => r.ActivityId).ToList()));
        }

        var (marten, setBased) = (written[0], written[1]);
        for (var i = 0; i < marten.Ids.Count; i++)
        {
            Assert.Equal(
                await StoredRowsAsync(marten.District, marten.Ids[i], marten.Partner.InstitutionId, marten.Host.InstitutionId),
                await StoredRowsAsync(setBased.District, setBased.Ids[i], setBased.Partner.InstitutionId, setBased.Host.InstitutionId));
            Assert.Equal(
                JsonSerializer.Serialize(Comparable(await marten.Partner.ActivityAsync(marten.Ids[i]), marten.Partner, marten.Host)),
                JsonSerializer.Serialize(Comparable(await setBased.Partner.ActivityAsync(setBased.Ids[i]), setBased.Partner, setBased.Host)));
        }
    }

    [Fact]
    public async Task Batches_crossing_the_same_references_in_opposite_orders_store_each_once_and_answer_the_other_as_a_single_report_would()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();
        // Odd references carry the same report in both batches, even ones a different attendance.
        var forward = Enumerable.Range(1, 40).Select(i => Reports.Competition($"X-{i}", i, new DateOnly(2023, 9, 1))).ToList();
        var backward = Enumerable.Range(1, 40).Reverse().Select(i => Reports.Competition($"X-{i}", i % 2 == 1 ? i : i + 100, new DateOnly(2023, 9, 1))).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[]
        {
            partner.PostAsync("/api/v1/activities/batch", new ReportBatch(forward.Cast<ReportActivity?>().ToList())),
            partner.PostAsync("/api/v1/activities/batch", new ReportBatch(backward.Cast<ReportActivity?>().ToList())),
        }));

        var results = answers.Select(a => a.ShouldBe(HttpStatusCode.OK).As<BatchResult>()).ToList();
        var items = results.SelectMany(r => r.Items).GroupBy(i => i.ExternalRef!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(40, items.Count);
        foreach (var (reference, fates) in items)
        {
            var number = int.Parse(reference[2..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Single(fates, f => f.Outcome == ReportOutcome.Created);
            Assert.Single(fates.Select(f => f.Id).Distinct());
            var winner = await partner.ActivityAsync(fates[0].Id!.Value);
            if (number % 2 == 1)
            {
                Assert.Equal(5, fates.Count(f => f.Outcome == ReportOutcome.Duplicate));
                Assert.Equal(number, winner.Attendance.Youth);
            }
            else
            {
                // Whichever content was stored, the three batches that sent it got it created or as a duplicate, the
                // three that sent the other one a conflict, as a single report of it would.
                Assert.Contains(winner.Attendance.Youth, new[] { number, number + 100 });
                Assert.Equal(2, fates.Count(f => f.Outcome == ReportOutcome.Duplicate));
                Assert.Equal(3, fates.Count(f => f.Outcome == ReportOutcome.Conflict && f.Code == ErrorCodes.ExternalRefConflict));
            }
        }

        Assert.Equal(before + 40, await district.EventCountAsync());
    }

    /// <summary>An activity as both routes show it, without what differs between two districts (ids, times, hash).</summary>
    private static ActivityDto Comparable(ActivityDto a, Actor partner, Actor host) => a with
    {
        Id = Guid.Empty,
        InstitutionId = a.InstitutionId == partner.InstitutionId ? Guid.Empty : a.InstitutionId,
        HostInstitutionId = a.HostInstitutionId == host.InstitutionId ? Guid.Empty : a.HostInstitutionId,
        ContentHash = a.ContentHash.Length == 64 ? "" : a.ContentHash,
        ReportedAt = default,
        UpdatedAt = default,
    };

    /// <summary>
    /// The stream, event and snapshot rows of an activity as the store holds them, with the values that differ between
    /// districts replaced by whether they are what they must be.
    /// </summary>
    private async Task<string> StoredRowsAsync(District district, Guid id, Guid partner, Guid host)
    {
        await using var session = app.Store.QuerySession(district.TenantId);
        var stream = await session.AdvancedSql.QueryAsync<string>(
            $"select concat_ws('|', s.type, s.version, s.is_archived, s.compacted_version, s.tenant_id = ?, s.created = s.timestamp) from {Schema}.mt_streams s where s.id = ?",
            CancellationToken.None, district.TenantId, id);
        var events = await session.AdvancedSql.QueryAsync<string>(
            $"select concat_ws('|', e.version, e.type, e.mt_dotnet_type, e.tenant_id = ?, e.user_name = ?, e.headers ->> 'institutionId' = ?, " +
            "(e.headers ->> 'keyId') is not null, e.correlation_id is not null, e.causation_id is null, e.is_archived, e.bdata is null, " +
            $"e.data ->> 'activityId' = ?) from {Schema}.mt_events e where e.stream_id = ? order by e.version",
            CancellationToken.None, district.TenantId, partner.ToString(), partner.ToString(), id.ToString(), id);
        var snapshot = await session.AdvancedSql.QueryAsync<string>(
            $"select concat_ws('|', d.mt_version, d.mt_dotnet_type, d.institution_id = ?, d.year, d.status, d.kind, " +
            $"coalesce((d.host_institution_id = ?)::text, 'none'), (d.data ->> 'version')::bigint = d.mt_version, d.tenant_id = ?) from {Schema}.mt_doc_activityrecord d where d.id = ?",
            CancellationToken.None, partner, host, district.TenantId, id);
        return string.Join("\n", stream.Concat(events).Concat(snapshot));
    }
}
