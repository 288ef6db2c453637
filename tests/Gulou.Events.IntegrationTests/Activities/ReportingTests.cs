using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class ReportingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_report_is_created_with_its_location_and_first_version()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var response = await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay());

        var activity = response.ShouldBe(HttpStatusCode.Created).As<ActivityDto>();
        Assert.Equal($"/api/v1/activities/{activity.Id}", response.Headers.Location.ToString());
        Assert.Equal(1, activity.Version);
        Assert.Equal(ActivityStatus.Reported, activity.Status);
        Assert.Equal(partner.InstitutionId, activity.InstitutionId);
        Assert.Equal(["ACT-02"], activity.MeasureCodes);
        Assert.Equal(new AudienceCounts(Youth: 120, Public: 10), activity.Attendance);
        Same.Json(activity, await partner.ActivityAsync(activity.Id));
    }

    [Fact]
    public async Task The_same_report_again_answers_200_with_the_same_activity_and_records_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var first = await partner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();

        var again = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay() with { Title = " 化学实验室开放日 " }))
            .ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_different_report_under_the_same_reference_is_a_conflict_and_changes_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var first = await partner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();

        var problem = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay(youth: 999))).Problem(HttpStatusCode.Conflict);

        Assert.Equal("external_ref_conflict", problem.Code);
        Assert.Contains(first.Id.ToString(), problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await district.EventCountAsync());
        Assert.Equal(120, (await partner.ActivityAsync(first.Id)).Attendance.Youth);
    }

    [Fact]
    public async Task Two_partners_may_use_the_same_reference()
    {
        var district = await app.NewDistrictAsync();
        var one = await district.PartnerAsync("福州大学");
        var two = await district.PartnerAsync("福建农林大学");

        var a = await one.ReportAsync(Reports.LabOpenDay("REF-1"));
        var b = await two.ReportAsync(Reports.LabOpenDay("REF-1"));

        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task Concurrent_identical_reports_make_one_activity()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("RACE-1"))));

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK, r.Body));
        Assert.Single(responses.Select(r => r.As<ActivityDto>().Id).Distinct());
        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.Created));
        var list = (await partner.GetAsync("/api/v1/activities")).As<PagedList<ActivityDto>>();
        Assert.Equal(1, list.Total);
    }

    [Fact]
    public async Task Only_partners_report()
    {
        var district = await app.NewDistrictAsync();
        var auditor = await district.AuditorAsync();
        var unit = await district.UnitAsync("CAST");
        var before = await district.EventCountAsync();

        (await auditor.PostAsync("/api/v1/activities", Reports.LabOpenDay())).Problem(HttpStatusCode.Forbidden);
        (await unit.PostAsync("/api/v1/activities", Reports.LabOpenDay())).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync("/api/v1/activities", Reports.LabOpenDay())).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await district.EventCountAsync());
    }
}
