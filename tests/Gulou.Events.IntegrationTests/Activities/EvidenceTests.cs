using System.Net;
using System.Text.Json;
using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>
/// Evidence under the PIPL: a photo of children under 14 is shown in full to units, auditors and administrators and
/// only as existing to partners, on every read; evidence past its <c>expiresOn</c> is shown to no one, listed by the
/// retention dry run and let go by the run with an <c>evidence_expired</c> event; bad flags and days are 400s naming the field.
/// </summary>
public sealed class EvidenceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public async Task A_photo_of_children_is_shown_in_full_to_units_auditors_and_administrators_and_to_partners_only_as_existing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var unit = await district.UnitAsync("EDU");
        var auditor = await district.AuditorAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var photoUri = $"https://files.example.org/{Guid.NewGuid():N}/children.jpg";
        var sheetUri = $"https://files.example.org/{Guid.NewGuid():N}/sheet.pdf";

        var attached = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/evidence",
            new AttachEvidence(1, EvidenceKind.Photo, photoUri, "小学生在做实验", Sha, ContainsMinors: true))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        var photo = Assert.Single(attached.Evidence);
        // The reporter itself sees only that it exists.
        Assert.Equal((EvidenceKind.Photo, null, null, true, false), (photo.Kind, photo.Uri, photo.Description, photo.ContainsMinors, photo.Expired));
        var both = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/evidence",
            new AttachEvidence(2, EvidenceKind.AttendanceSheet, sheetUri, "签到表"))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.Equal([null, sheetUri], both.Evidence.Select(e => e.Uri));

        foreach (var reader in new[] { unit, auditor, district.Admin })
        {
            var seen = await reader.ActivityAsync(activity.Id);
            Assert.Equal([(photoUri, "小学生在做实验", true), (sheetUri, "签到表", false)], seen.Evidence.Select(e => (e.Uri, e.Description, e.ContainsMinors)));
            Assert.Contains(photoUri, await HistoryTextAsync(reader, activity.Id));
            Assert.Contains(photoUri, (await reader.GetAsync($"/api/v1/activities?institution={partner.InstitutionId}")).Body);
        }

        var partnerView = await partner.ActivityAsync(activity.Id);
        Assert.Equal([(photo.Id, (string?)null, (string?)null, true), (both.Evidence[1].Id, sheetUri, "签到表", false)],
            partnerView.Evidence.Select(e => (e.Id, e.Uri, e.Description, e.ContainsMinors)));
        var history = await HistoryTextAsync(partner, activity.Id);
        Assert.DoesNotContain(photoUri, history);
        Assert.DoesNotContain("小学生在做实验", history);
        Assert.Contains(sheetUri, history);
        var listed = (await partner.GetAsync("/api/v1/activities")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(photoUri, listed.Body);
        Assert.Null(Assert.Single(listed.As<PagedList<ActivityDto>>().Items).Evidence[0].Uri);
        var csv = (await partner.GetAsync("/api/v1/activities", new Dictionary<string, string> { ["Accept"] = "text/csv" })).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(photoUri, csv.Body);
        // The answer to the reporter's next amendment withholds it too.
        var amended = (await partner.PostAsync($"/api/v1/activities/{activity.Id}/attendance", new RecordAttendance(3, Youth: 1))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.Null(amended.Evidence[0].Uri);
    }

    [Fact]
    public async Task Evidence_past_its_day_is_shown_to_no_one_listed_by_the_dry_run_and_let_go_by_the_run()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var today = DateOnly.FromDateTime(AppFixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var goneUri = $"https://files.example.org/{Guid.NewGuid():N}/gone.jpg";
        var keptUri = $"https://files.example.org/{Guid.NewGuid():N}/kept.jpg";
        var gone = Assert.Single((await partner.PostAsync($"/api/v1/activities/{activity.Id}/evidence",
            new AttachEvidence(1, EvidenceKind.Photo, goneUri, "活动照片", ContainsMinors: false, ExpiresOn: today.AddDays(-1)))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>().Evidence);
        (await partner.PostAsync($"/api/v1/activities/{activity.Id}/evidence",
            new AttachEvidence(2, EvidenceKind.Photo, keptUri, ContainsMinors: false, ExpiresOn: today))).ShouldBe(HttpStatusCode.OK);

        // Past its day, before the schedule has run: withheld from everyone, the administrator included.
        var before = await district.Admin.ActivityAsync(activity.Id);
        Assert.Equal([(null, null, true), (keptUri, null, false)], before.Evidence.Select(e => (e.Uri, e.Description, e.Expired)));
        Assert.DoesNotContain(goneUri, await HistoryTextAsync(district.Admin, activity.Id));
        Assert.Contains(keptUri, await HistoryTextAsync(district.Admin, activity.Id));

        var events = await district.EventCountAsync();
        var report = (await district.Admin.GetAsync("/api/v1/persons/retention?dryRun=true")).ShouldBe(HttpStatusCode.OK).As<RetentionReportDto>();
        Assert.Equal([new EvidenceExpiryDto(activity.Id, gone.Id, today.AddDays(-1))], report.Evidence);
        Assert.Equal((true, 0), (report.DryRun, report.EvidenceExpired));
        Assert.Equal(events, await district.EventCountAsync());
        Assert.Contains(await StoredText.TablesHoldingAsync(app, [goneUri]), t => t.EndsWith(".mt_doc_activityrecord", StringComparison.Ordinal));

        var run = (await district.Admin.PostAsync("/api/v1/persons/retention")).ShouldBe(HttpStatusCode.OK).As<RetentionReportDto>();
        Assert.Equal((false, 1), (run.DryRun, run.EvidenceExpired));
        var entries = (await district.Admin.GetAsync($"/api/v1/activities/{activity.Id}/history")).As<List<ActivityHistoryEntry>>();
        Assert.Equal(["activity_reported", "evidence_attached", "evidence_attached", "evidence_expired"], entries.Select(e => e.Type));
        var expiry = JsonSerializer.Serialize(entries[^1].Data);
        Assert.Contains(gone.Id.ToString(), expiry);
        Assert.DoesNotContain("files.example.org", expiry);
        // The records read by every route hold the address no more (the progress fold's copy once it has caught up); the
        // log keeps the event it was attached with.
        var holding = await Poll.UntilAsync(() => StoredText.TablesHoldingAsync(app, [goneUri]), t => t.All(x => x.EndsWith(".mt_events", StringComparison.Ordinal)));
        Assert.Single(holding);
        // The record after the expiry is the one a replay of the stream folds (version and times included).
        await using (var session = app.Store.QuerySession(district.TenantId))
        {
            var json = app.Store.Options.Serializer();
            Assert.Equal(CanonicalJson.Of(json.ToJson(await session.Events.AggregateStreamAsync<ActivityRecord>(activity.Id))),
                CanonicalJson.Of(json.ToJson(await session.LoadAsync<ActivityRecord>(activity.Id))));
        }

        var after = await district.Admin.ActivityAsync(activity.Id);
        Assert.Equal([(null, true), (keptUri, false)], after.Evidence.Select(e => (e.Uri, e.Expired)));
        var again = (await district.Admin.PostAsync("/api/v1/persons/retention")).ShouldBe(HttpStatusCode.OK).As<RetentionReportDto>();
        Assert.Equal((0, 0), (again.Evidence!.Count, again.EvidenceExpired));
    }

    [Fact]
    public async Task Photos_and_videos_must_say_whether_they_show_children_and_a_bad_hash_or_day_is_a_400_that_changes_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var url = $"/api/v1/activities/{activity.Id}/evidence";
        var events = await district.EventCountAsync();

        Assert.Contains("containsMinors", (await partner.PostAsync(url, new AttachEvidence(1, EvidenceKind.Photo, "https://example.org/p.jpg"))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("containsMinors", (await partner.PostAsync(url, new AttachEvidence(1, EvidenceKind.Video, "https://example.org/v.mp4"))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("sha256", (await partner.PostAsync(url, new AttachEvidence(1, EvidenceKind.Document, "https://example.org/d.pdf", Sha256: "abc123"))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        var early = (await partner.PostAsync(url, new AttachEvidence(1, EvidenceKind.Photo, "https://example.org/p.jpg", ContainsMinors: true, ExpiresOn: activity.OccurredOn.AddDays(-1)))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["expiresOn"], early.Errors.Keys);
        Assert.Equal(events, await district.EventCountAsync());

        // A document or a link need not say; the activity's own day is a valid last day.
        var ok = (await partner.PostAsync(url, new AttachEvidence(1, EvidenceKind.Document, "https://example.org/d.pdf", Sha256: Sha.ToUpperInvariant(), ExpiresOn: activity.OccurredOn)))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
        Assert.Equal((Sha, false, (DateOnly?)activity.OccurredOn), (ok.Evidence[0].Sha256, ok.Evidence[0].ContainsMinors, ok.Evidence[0].ExpiresOn));
    }

    private static async Task<string> HistoryTextAsync(Actor reader, Guid id) =>
        (await reader.GetAsync($"/api/v1/activities/{id}/history")).ShouldBe(HttpStatusCode.OK).Body;
}
