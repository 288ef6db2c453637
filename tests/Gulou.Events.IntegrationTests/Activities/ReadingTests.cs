using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class ReadingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Partners_read_only_their_own_units_and_auditors_read_all()
    {
        var district = await app.NewDistrictAsync();
        var owner = await district.PartnerAsync("福州大学");
        var other = await district.PartnerAsync("福建师范大学");
        var auditor = await district.AuditorAsync();
        var unit = await district.UnitAsync("EDU");
        var activity = await owner.ReportAsync(Reports.LabOpenDay());

        (await other.GetAsync($"/api/v1/activities/{activity.Id}")).Problem(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/api/v1/activities/{activity.Id}/history")).Problem(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"/api/v1/activities/{activity.Id}")).ShouldBe(HttpStatusCode.OK);
        (await unit.GetAsync($"/api/v1/activities/{activity.Id}/history")).ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync($"/api/v1/activities?institution={owner.InstitutionId}")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await other.GetAsync("/api/v1/activities")).As<PagedList<ActivityDto>>().Total);
        Assert.Equal(1, (await auditor.GetAsync($"/api/v1/activities?institution={owner.InstitutionId}")).As<PagedList<ActivityDto>>().Total);
    }

    [Fact]
    public async Task The_list_filters_by_measure_kind_year_and_status_and_pages()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        await partner.ReportAsync(Reports.LabOpenDay("L-2023"));
        await partner.ReportAsync(Reports.LabOpenDay("L-2024") with { OccurredOn = new DateOnly(2024, 1, 2) });
        await partner.ReportAsync(Reports.Competition("C-2023-1", 300, new DateOnly(2023, 11, 5)));
        var retracted = await partner.ReportAsync(Reports.Competition("C-2023-2", 200, new DateOnly(2023, 12, 31)));
        await partner.PostAsync($"/api/v1/activities/{retracted.Id}/retraction", new RetractActivity(1, "取消"));

        async Task<PagedList<ActivityDto>> List(string query) =>
            (await auditor.GetAsync($"/api/v1/activities?{query}")).ShouldBe(HttpStatusCode.OK).As<PagedList<ActivityDto>>();

        Assert.Equal(3, (await List("year=2023")).Total);
        Assert.Equal(["L-2023", "L-2024"], (await List("measure=ACT-02")).Items.Select(a => a.ExternalRef).Order());
        Assert.Equal(2, (await List("kind=competition")).Total);
        Assert.Equal("C-2023-2", Assert.Single((await List("status=retracted")).Items).ExternalRef);
        var page = await List("pageSize=2&page=2");
        Assert.Equal((4, 2, 2), (page.Total, page.Items.Count, page.Page));
        Assert.Equal(["L-2024", "C-2023-2", "C-2023-1", "L-2023"], (await List("pageSize=10")).Items.Select(a => a.ExternalRef));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("year=abc", "year")]
    [InlineData("status=lost", "status")]
    [InlineData("institution=not-a-guid", "institution")]
    public async Task Bad_list_queries_name_the_parameter(string query, string field)
    {
        var district = await app.NewDistrictAsync();
        var auditor = await district.AuditorAsync();

        var problem = (await auditor.GetAsync($"/api/v1/activities?{query}")).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task Another_districts_activity_is_not_found()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var other = await app.NewDistrictAsync();

        (await other.Admin.GetAsync($"/api/v1/activities/{activity.Id}")).Problem(HttpStatusCode.NotFound);
    }
}
