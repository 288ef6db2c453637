using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Designations;

public sealed class DesignationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_subject_designated_twice_is_one_record_and_a_new_level_is_added_to_it()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var first = await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "GL-GD-01", DesignationLevel.District, new DateOnly(2021, 5, 1), "鼓东街道三角井社区"));
        var designation = first.ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        var before = await district.EventCountAsync();

        var same = (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, " gl-gd-01 ", DesignationLevel.District, new DateOnly(2021, 5, 1))))
            .ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        Assert.Equal(before, await district.EventCountAsync());
        var city = (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "GL-GD-01", DesignationLevel.City, new DateOnly(2023, 2, 1))))
            .ShouldBe(HttpStatusCode.OK).As<DesignationDto>();

        Assert.Equal(designation.Id, same.Id);
        Assert.Equal(designation.Id, city.Id);
        Assert.Equal([DesignationLevel.District, DesignationLevel.City], city.Awards.Select(a => a.Level));
        Assert.Equal("鼓东街道三角井社区", city.SubjectName);
        Assert.Equal($"/api/v1/designations/{designation.Id}", first.Headers.Location.ToString());
    }

    [Fact]
    public async Task Another_date_at_a_standing_level_is_a_conflict_until_revoked()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var designation = (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ScienceBase, "福州市科技馆鼓楼分馆", DesignationLevel.City, new DateOnly(2022, 1, 1)))).As<DesignationDto>();

        (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ScienceBase, "福州市科技馆鼓楼分馆", DesignationLevel.City, new DateOnly(2023, 1, 1)))).Problem(HttpStatusCode.Conflict);
        var revoked = (await cast.PostAsync($"/api/v1/designations/{designation.Id}/revocation", new RevokeDesignation("复核未通过", new DateOnly(2024, 3, 1)))).ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        (await cast.PostAsync($"/api/v1/designations/{designation.Id}/revocation", new RevokeDesignation("again", new DateOnly(2024, 3, 2)))).Problem(HttpStatusCode.Conflict);
        (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ScienceBase, "福州市科技馆鼓楼分馆", DesignationLevel.City, new DateOnly(2025, 1, 1)))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(revoked.Awards).RevokedOn);
    }

    [Fact]
    public async Task Only_units_leading_the_targets_measure_or_administrators_record_designations()
    {
        var district = await app.NewDistrictAsync();
        var union = await district.UnitAsync("UNION");
        var health = await district.UnitAsync("HEALTH");
        var partner = await district.PartnerAsync();
        var studio = new RecordDesignation(DesignationKind.ModelWorkerStudio, "王师傅劳模创新工作室", DesignationLevel.District, new DateOnly(2022, 4, 28));

        (await union.PostAsync("/api/v1/designations", studio)).ShouldBe(HttpStatusCode.Created);
        (await health.PostAsync("/api/v1/designations", studio with { SubjectKey = "other" })).Problem(HttpStatusCode.Forbidden);
        (await partner.PostAsync("/api/v1/designations", studio with { SubjectKey = "other" })).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync("/api/v1/designations", studio with { SubjectKey = "admin-recorded" })).ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"kind":"castle","subjectKey":"A","level":"city","awardedOn":"2022-01-01"}""", "kind")]
    [InlineData("""{"kind":"science_base","subjectKey":"","level":"city","awardedOn":"2022-01-01"}""", "subjectKey")]
    [InlineData("""{"kind":"science_base","subjectKey":"A","level":"galaxy","awardedOn":"2022-01-01"}""", "level")]
    [InlineData("""{"kind":"science_base","subjectKey":"A","level":"city","awardedOn":"2099-01-01"}""", "awardedOn")]
    [InlineData("""{"kind":"science_base","subjectKey":"A","level":"city"}""", "awardedOn")]
    public async Task Bad_designations_are_refused_and_change_nothing(string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var before = await district.EventCountAsync();

        var problem = (await cast.PostRawAsync("/api/v1/designations", body)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task The_list_of_a_target_holds_exactly_the_subjects_it_counts_at_the_end_of_a_year()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        async Task<DesignationDto> Designate(string key, DesignationLevel level, string day) =>
            (await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, key, level, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)))).As<DesignationDto>();
        await Designate("C-1", DesignationLevel.City, "2020-06-01");
        await Designate("C-2", DesignationLevel.City, "2023-06-01");
        await Designate("C-3", DesignationLevel.District, "2022-06-01");
        var revoked = await Designate("C-4", DesignationLevel.City, "2021-06-01");
        await cast.PostAsync($"/api/v1/designations/{revoked.Id}/revocation", new RevokeDesignation("撤销", new DateOnly(2022, 12, 1)));

        async Task<string[]> Counted(int year) =>
            (await cast.GetAsync($"/api/v1/designations?target=T-COMMUNITIES&year={year}")).ShouldBe(HttpStatusCode.OK)
                .As<PagedList<DesignationDto>>().Items.Select(d => d.SubjectKey).ToArray();

        Assert.Equal(["C-1", "C-4"], await Counted(2021));
        Assert.Equal(["C-1"], await Counted(2022));
        Assert.Equal(["C-1", "C-2"], await Counted(2023));
        (await cast.GetAsync("/api/v1/designations?target=T-COMPETITION")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_level_written_as_the_bodies_write_them()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "K-1", DesignationLevel.City, new DateOnly(2022, 1, 1)));
        await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.CertifiedCommunity, "K-2", DesignationLevel.District, new DateOnly(2022, 1, 1)));
        await cast.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ScienceBase, "K-3", DesignationLevel.City, new DateOnly(2022, 1, 1)));

        async Task<string[]> Listed(string query) =>
            (await cast.GetAsync($"/api/v1/designations?{query}")).ShouldBe(HttpStatusCode.OK)
                .As<PagedList<DesignationDto>>().Items.Select(d => d.SubjectKey).ToArray();

        Assert.Equal(["K-1", "K-2"], await Listed("kind=certified_community"));
        Assert.Equal(["K-1"], await Listed("kind=certified_community&level=city"));
        Assert.Equal(["K-3"], await Listed("kind=science_base"));
        Assert.Equal(["K-3"], await Listed("kind=ScienceBase"));
        Assert.Equal(["K-1", "K-2", "K-3"], await Listed(""));
        var problem = (await cast.GetAsync("/api/v1/designations?kind=castle")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("kind", problem.Errors.Keys);
    }
}
