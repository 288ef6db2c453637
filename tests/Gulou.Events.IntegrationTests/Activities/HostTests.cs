using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>The host of an activity: the lab that opened, which T-LAB-OPEN counts.</summary>
[Collection(AppCollection.Name)]
public sealed class HostTests(AppFixture app)
{
    [Fact]
    public async Task A_lab_open_day_counts_its_host_and_the_drilldown_and_csv_show_it()
    {
        var district = await app.NewDistrictAsync();
        var university = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var other = await district.PartnerAsync("福建师范大学");
        var auditor = await district.AuditorAsync();
        // Two schools' visits to the university's labs and the university's own open day: one lab. FJNU's own: another.
        var visit = await school.ReportAsync(Reports.LabOpenDay("V-1") with { HostInstitutionId = university.InstitutionId });
        await other.ReportAsync(Reports.LabOpenDay("V-2") with { HostInstitutionId = university.InstitutionId });
        await university.ReportAsync(Reports.LabOpenDay("U-1"));
        await other.ReportAsync(Reports.LabOpenDay("O-1"));

        var target = (await auditor.GetAsync("/api/v1/progress/targets/T-LAB-OPEN?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<TargetProgressDto>();
        var drilldown = (await auditor.GetAsync(target.Drilldown)).As<PagedList<ActivityDto>>();
        var csv = await auditor.GetAsync($"/api/v1/activities?involving={university.InstitutionId}", new Dictionary<string, string> { ["Accept"] = "text/csv" });

        Assert.Equal(2, target.Actual);
        Assert.Equal(university.InstitutionId, visit.HostInstitutionId);
        Assert.Equal(2, drilldown.Items.Count(a => a.HostInstitutionId == university.InstitutionId));
        Assert.StartsWith("\uFEFFid,externalRef,institutionId,hostInstitutionId,", csv.ShouldBe(HttpStatusCode.OK).Body, StringComparison.Ordinal);
        Assert.Contains($"{visit.Id},V-1,{school.InstitutionId},{university.InstitutionId},lab_open_day", csv.Body, StringComparison.Ordinal);
        Assert.Equal(1 + 3, csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_host_that_is_not_registered_in_the_district_is_refused_by_name_everywhere_and_changes_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var outsider = await (await app.NewDistrictAsync()).PartnerAsync("他区单位");
        var activity = await partner.ReportAsync(Reports.LabOpenDay("L-1"));
        var before = await district.EventCountAsync();

        foreach (var host in new[] { Guid.NewGuid(), Guid.Empty, outsider.InstitutionId })
        {
            var report = Reports.LabOpenDay("L-2") with { HostInstitutionId = host };
            Assert.Contains("hostInstitutionId", (await partner.PostAsync("/api/v1/activities", report)).Problem(HttpStatusCode.BadRequest).Errors.Keys);
            var batch = (await partner.PostAsync("/api/v1/activities/batch", new ReportBatch([report]))).ShouldBe(HttpStatusCode.OK).As<BatchResult>();
            Assert.Equal(["hostInstitutionId"], batch.Items[0].Errors!.Keys);
            Assert.Contains("items[0].hostInstitutionId", (await partner.PostAsync("/api/v1/activities/batch?atomic=true", new ReportBatch([report]))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
            if (host != Guid.Empty)
            {
                Assert.Contains("hostInstitutionId", (await partner.PostAsync($"/api/v1/activities/{activity.Id}/corrections", new CorrectActivity(1, HostInstitutionId: host)))
                    .Problem(HttpStatusCode.BadRequest).Errors.Keys);
            }
        }

        Assert.Equal(before, await district.EventCountAsync());
        Assert.Null((await partner.ActivityAsync(activity.Id)).HostInstitutionId);
    }
}
