using System.Net;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Districts;

/// <summary>Districts created over the API by the super-administrator, usable at once with their own keys.</summary>
[Collection(AppCollection.Name)]
public sealed class DistrictTests(AppFixture app)
{
    [Fact]
    public async Task A_district_created_over_the_api_works_at_once_and_is_listed_without_its_key()
    {
        var code = NewCode();
        var response = (await app.SuperAdmin.PostAsync("/api/v1/admin/districts", new CreateDistrict(code, "台江区"))).ShouldBe(HttpStatusCode.Created);
        var created = response.As<DistrictCreated>();

        Assert.Equal($"/api/v1/admin/districts/{code}", response.Headers.Location.ToString());
        Assert.Equal((code, "台江区", "main"), (created.District.Code, created.District.Name, created.District.Database));
        var admin = new ApiClient(app.Host, created.AdministratorKey.Key);
        var plan = (await admin.GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK).As<PlanCatalog>();
        Assert.Equal([plan.Id], created.District.Plans);
        var own = (await admin.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK).As<CurrentDistrict>();
        Assert.Equal((code, "台江区"), (own.Code, own.Name));
        Assert.Equal([plan.Id], own.Plans);
        (await admin.PostAsync("/api/v1/institutions", new RegisterInstitution("福州大学", InstitutionKind.University, Contracts.Role.Partner))).ShouldBe(HttpStatusCode.Created);

        var listed = (await app.SuperAdmin.GetAsync("/api/v1/admin/districts")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(listed.As<List<DistrictDto>>(), d => d.Code == code && d.Name == "台江区" && d.Database == "main");
        Assert.Contains(listed.As<List<DistrictDto>>(), d => d is { Code: "gulou", Name: "鼓楼区" });
        Assert.DoesNotContain(created.AdministratorKey.Key, listed.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Taijiang", "台江区", null, null, "code")]
    [InlineData("t", "台江区", null, null, "code")]
    [InlineData("main", "台江区", null, null, "code")]
    [InlineData(null, "", null, null, "name")]
    [InlineData(null, "台江区", "nowhere", null, "database")]
    [InlineData(null, "台江区", null, "plan-2099", "plans[0]")]
    public async Task A_bad_district_is_refused_naming_the_field_and_nothing_is_created(string? code, string name, string? database, string? plan, string field)
    {
        code ??= NewCode();
        var problem = (await app.SuperAdmin.PostAsync("/api/v1/admin/districts", new CreateDistrict(code, name, database, plan is null ? null : [plan])))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
        var listed = (await app.SuperAdmin.GetAsync("/api/v1/admin/districts")).As<List<DistrictDto>>();
        Assert.DoesNotContain(listed, d => d.Code == code && d.Name == name);
    }

    [Fact]
    public async Task A_code_is_taken_once()
    {
        var district = await app.NewDistrictAsync();

        var problem = (await app.SuperAdmin.PostAsync("/api/v1/admin/districts", new CreateDistrict(district.TenantId, "又一个区"))).Problem(HttpStatusCode.Conflict);

        Assert.Equal("invalid_state", problem.Code);
        var own = (await district.Admin.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK).As<CurrentDistrict>();
        Assert.StartsWith("测试区", own.Name, StringComparison.Ordinal);
        var listed = (await app.SuperAdmin.GetAsync("/api/v1/admin/districts")).As<List<DistrictDto>>();
        Assert.Single(listed, d => d.Code == district.TenantId);
    }

    [Fact]
    public async Task Another_administrator_key_works_beside_the_first_and_only_for_its_district()
    {
        var district = await app.NewDistrictAsync();

        var issued = (await app.SuperAdmin.PostAsync($"/api/v1/admin/districts/{district.TenantId}/keys")).ShouldBe(HttpStatusCode.Created).As<IssuedKey>();

        var second = new ApiClient(app.Host, issued.Key);
        Assert.Equal(district.TenantId, (await second.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK).As<CurrentDistrict>().Code);
        (await district.Admin.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK);
        var administrator = (await second.GetAsync($"/api/v1/institutions/{issued.InstitutionId}")).ShouldBe(HttpStatusCode.OK).As<InstitutionDto>();
        Assert.Equal(2, administrator.Keys.Count);
        (await app.SuperAdmin.PostAsync($"/api/v1/admin/districts/{NewCode()}/keys")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_super_administrator_reads_nothing_of_a_district_and_a_district_creates_no_district()
    {
        var district = await app.NewDistrictAsync();

        foreach (var route in new[] { "/api/v1/district", "/api/v1/plan", "/api/v1/progress", "/api/v1/institutions", "/api/v1/activities/import/template" })
        {
            (await app.SuperAdmin.GetAsync(route)).Problem(HttpStatusCode.Forbidden);
        }

        (await district.Admin.PostAsync("/api/v1/admin/districts", new CreateDistrict(NewCode(), "台江区"))).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.GetAsync("/api/v1/admin/districts")).Problem(HttpStatusCode.Forbidden);
        (await app.Anonymous.GetAsync("/api/v1/admin/districts")).Problem(HttpStatusCode.Unauthorized);
    }

    private static string NewCode() => "t" + Guid.NewGuid().ToString("N")[..12];
}
