using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Institutions;

public sealed class InstitutionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_administrator_registers_a_unit_that_leads_its_plan_measures()
    {
        var district = await app.NewDistrictAsync();

        var response = await district.Admin.PostAsync("/api/v1/institutions",
            new RegisterInstitution("鼓楼区卫生健康局", InstitutionKind.Government, Role.Unit, "HEALTH"));

        var unit = response.ShouldBe(HttpStatusCode.Created).As<InstitutionDto>();
        Assert.Equal($"/api/v1/institutions/{unit.Id}", response.Headers.Location.ToString());
        Assert.Equal(["ACT-09", "ACT-10", "ACT-11"], unit.LeadsMeasures);
        Assert.Equal(Role.Unit, unit.Role);
        var read = (await district.Admin.GetAsync($"/api/v1/institutions/{unit.Id}")).ShouldBe(HttpStatusCode.OK).As<InstitutionDto>();
        Assert.Equal(unit.Name, read.Name);
    }

    [Fact]
    public async Task A_school_is_registered_with_the_stages_it_teaches_and_only_a_school_has_stages()
    {
        var district = await app.NewDistrictAsync();
        var before = await district.EventCountAsync();

        var refused = (await district.Admin.PostAsync("/api/v1/institutions",
            new RegisterInstitution("福州大学", InstitutionKind.University, Role.Partner, SchoolStages: [SchoolStage.SeniorSecondary]))).Problem(HttpStatusCode.BadRequest);
        var unknown = (await district.Admin.PostRawAsync("/api/v1/institutions", """{"name":"某校","kind":"school","role":"partner","schoolStages":["kindergarten"]}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("schoolStages", refused.Errors.Keys);
        Assert.Contains(unknown.Errors.Keys, k => k.StartsWith("schoolStages", StringComparison.Ordinal));
        Assert.Equal(before, await district.EventCountAsync());

        var school = (await district.Admin.PostAsync("/api/v1/institutions",
            new RegisterInstitution("福州第十六中学", InstitutionKind.School, Role.Partner, SchoolStages: [SchoolStage.SeniorSecondary, SchoolStage.JuniorSecondary, SchoolStage.SeniorSecondary])))
            .ShouldBe(HttpStatusCode.Created).As<InstitutionDto>();
        Assert.Equal([SchoolStage.JuniorSecondary, SchoolStage.SeniorSecondary], school.SchoolStages);
    }

    [Fact]
    public async Task The_list_is_paged_filtered_by_role_and_shows_keys_without_the_keys()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync("福建师范大学");
        await district.PartnerAsync("福州第一中学");
        await district.AuditorAsync();

        var page = (await district.Admin.GetAsync("/api/v1/institutions?role=partner&pageSize=1&page=2")).ShouldBe(HttpStatusCode.OK);

        var list = page.As<PagedList<InstitutionDto>>();
        Assert.Equal(2, list.Total);
        Assert.Equal("福州第一中学", Assert.Single(list.Items).Name);
        var all = (await district.Admin.GetAsync("/api/v1/institutions?role=partner")).As<PagedList<InstitutionDto>>();
        Assert.Single(all.Items.Single(i => i.Id == partner.InstitutionId).Keys);
        Assert.DoesNotContain(partner.Key, page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_registers_and_nothing_is_recorded_otherwise()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        var before = await district.EventCountAsync();
        var body = new RegisterInstitution("X", InstitutionKind.School, Role.Admin);

        Assert.Equal("forbidden", (await partner.PostAsync("/api/v1/institutions", body)).Problem(HttpStatusCode.Forbidden).Code);
        Assert.Equal("forbidden", (await auditor.PostAsync("/api/v1/institutions", body)).Problem(HttpStatusCode.Forbidden).Code);
        Assert.Equal("unauthenticated", (await app.Anonymous.PostAsync("/api/v1/institutions", body)).Problem(HttpStatusCode.Unauthorized).Code);
        (await partner.GetAsync("/api/v1/institutions")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task Bad_registrations_name_the_field_and_change_nothing()
    {
        var district = await app.NewDistrictAsync();
        var before = await district.EventCountAsync();

        var problem = (await district.Admin.PostAsync("/api/v1/institutions",
            new RegisterInstitution("", null, Role.Partner, "CAST", ["ACT-99"]))).Problem(HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", problem.Code);
        Assert.Contains("name", problem.Errors.Keys);
        Assert.Contains("kind", problem.Errors.Keys);
        Assert.Contains("unitCode", problem.Errors.Keys);
        Assert.Contains("leadsMeasures", problem.Errors.Keys);
        var unknownRole = (await district.Admin.PostRawAsync("/api/v1/institutions", """{"name":"A","kind":"school","role":"king"}""")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("role", unknownRole.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_name_is_registered_once_per_district()
    {
        var district = await app.NewDistrictAsync();
        await district.PartnerAsync("福州大学");
        var other = await app.NewDistrictAsync();

        (await district.Admin.PostAsync("/api/v1/institutions", new RegisterInstitution("福州大学", InstitutionKind.University, Role.Partner))).Problem(HttpStatusCode.Conflict);
        await other.PartnerAsync("福州大学");
    }

    [Fact]
    public async Task Districts_do_not_see_each_others_institutions()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var other = await app.NewDistrictAsync();

        (await other.Admin.GetAsync($"/api/v1/institutions/{partner.InstitutionId}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/institutions?role=partner")).As<PagedList<InstitutionDto>>().Total);
    }
}
