using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>A report above the person-times ceiling of its kind is stored, shown, and held out of the figures until a unit verifies it.</summary>
[Collection(AppCollection.Name)]
public sealed class PlausibilityTests(AppFixture app)
{
    [Fact]
    public async Task Reports_batches_imports_and_amendments_above_the_ceiling_are_held_and_count_once_verified()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var cast = await district.UnitAsync("CAST");
        // Lab open days: at most 2,000 person-times a report.
        var single = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("L-1", youth: 2_500))).ShouldBe(HttpStatusCode.Created).As<ActivityDto>();
        var batch = (await partner.PostAsync("/api/v1/activities/batch", new ReportBatch([Reports.LabOpenDay("L-2", youth: 1_990), Reports.LabOpenDay("L-3", youth: 3_000)])))
            .ShouldBe(HttpStatusCode.OK).As<BatchResult>();
        var import = (await partner.PostRawAsync("/api/v1/activities/import", "externalRef,kind,title,occurredOn,youth\r\nL-4,lab_open_day,开放日,2023-05-21,2001\r\n", "text/csv"))
            .ShouldBe(HttpStatusCode.OK).As<ImportResult>();
        var plausible = await partner.ActivityAsync(batch.Items[0].Id!.Value);
        var pushed = (await partner.PostAsync($"/api/v1/activities/{plausible.Id}/attendance", new RecordAttendance(plausible.Version, Public: 1)))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(ActivityStatus.NeedsReview, single.Status);
        Assert.Equal(2, single.Version);
        Assert.Equal(ActivityStatus.Reported, plausible.Status);
        Assert.Equal(ActivityStatus.NeedsReview, (await partner.ActivityAsync(batch.Items[1].Id!.Value)).Status);
        Assert.Equal(ActivityStatus.NeedsReview, (await partner.ActivityAsync(import.Items[0].Id!.Value)).Status);
        Assert.Equal(ActivityStatus.NeedsReview, pushed.Status);
        var held = (await partner.GetAsync($"/api/v1/activities/{single.Id}/history")).As<List<ActivityHistoryEntry>>()[1];
        Assert.Equal("activity_held_for_review", held.Type);
        Assert.Contains("\"ceiling\":2000", System.Text.Json.JsonSerializer.Serialize(held.Data), StringComparison.Ordinal);

        var measure = (await cast.GetAsync("/api/v1/progress/measures/ACT-02?year=2023&waitForNonStale=true")).As<MeasureProgressDto>();
        Assert.Equal(0, measure.Official.Activities);
        Assert.Equal(4, (await cast.GetAsync("/api/v1/verifications?status=needs_review")).As<PagedList<ActivityDto>>().Total);

        (await cast.PostAsync($"/api/v1/activities/{single.Id}/verification", new VerifyActivity(VerificationDecision.Verified, "核对签到表"))).ShouldBe(HttpStatusCode.OK);
        var after = (await cast.GetAsync("/api/v1/progress/measures/ACT-02?year=2023&waitForNonStale=true")).As<MeasureProgressDto>();
        Assert.Equal((1, 2_500, 1), (after.Official.Activities, after.Official.PersonTimes.Youth, after.Verified.Activities));
    }

    [Fact]
    public async Task The_per_field_guard_still_refuses_and_stores_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var problem = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("L-1", youth: 10_000_001))).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("attendance.youth", problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }
}
