using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;

namespace Gulou.Events.IntegrationTests.Volunteers;

public sealed class VolunteerTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Valid resident identity numbers (check digits computed per GB 11643), invented for the tests.
    public const string PersonA = "350102199003071234";
    public const string PersonB = "35010219851122006X";

    [Fact]
    public async Task The_same_person_registered_by_two_institutions_is_one_volunteer_and_the_number_is_never_stored()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");

        var first = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonA, new DateOnly(2022, 3, 1)))).ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        var second = (await school.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonA.ToLowerInvariant() + " ", new DateOnly(2023, 3, 1)))).ShouldBe(HttpStatusCode.OK).As<VolunteerDto>();

        Assert.Equal(first.PersonKey, second.PersonKey);
        Assert.True(Guid.TryParseExact(first.PersonKey, "N", out _), "the person key is the id in the person register");
        Assert.Equal(school.InstitutionId, Assert.Single(second.Registrations).InstitutionId);
        var all = (await district.Admin.GetAsync("/api/v1/volunteers")).As<PagedList<VolunteerDto>>();
        Assert.Equal(2, Assert.Single(all.Items).Registrations.Count);
        Assert.Equal(0, await StoredTextContainingAsync(PersonA));
    }

    [Fact]
    public async Task Registering_again_changes_nothing_and_deregistration_keeps_the_other_institutions_registration()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var key = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonB, new DateOnly(2022, 3, 1)))).As<VolunteerDto>().PersonKey;
        await school.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonB, new DateOnly(2022, 5, 1)));
        var before = await district.EventCountAsync();
        (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonB, new DateOnly(2024, 1, 1)))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(before, await district.EventCountAsync());

        var left = (await fzu.PostAsync($"/api/v1/volunteers/{key}/deregistration", new DeregisterVolunteer(new DateOnly(2024, 6, 30), "毕业"))).ShouldBe(HttpStatusCode.OK).As<VolunteerDto>();

        Assert.True(left.Active);
        Assert.Equal(new DateOnly(2024, 6, 30), Assert.Single(left.Registrations).LeftOn);
        (await fzu.PostAsync($"/api/v1/volunteers/{key}/deregistration", new DeregisterVolunteer(new DateOnly(2024, 7, 1)))).Problem(HttpStatusCode.Conflict);
        (await school.PostAsync($"/api/v1/volunteers/{new string('0', 64)}/deregistration", new DeregisterVolunteer(new DateOnly(2024, 7, 1)))).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("350102199003071235")]
    [InlineData("35010219900307123")]
    [InlineData("35010299990307123X")]
    [InlineData("ABCDEFGHIJKLMNOPQR")]
    public async Task An_invalid_number_is_refused_without_being_repeated(string idNumber)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var response = await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(idNumber, new DateOnly(2023, 1, 1)));

        Assert.Contains("idNumber", response.Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.DoesNotContain(idNumber, response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task Partners_see_their_own_registrations_and_units_cannot_register()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync("福州大学");
        var school = await district.PartnerAsync("福州第十六中学");
        var unit = await district.UnitAsync("CAST");
        await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonA, new DateOnly(2022, 3, 1)));

        Assert.Equal(0, (await school.GetAsync("/api/v1/volunteers")).As<PagedList<VolunteerDto>>().Total);
        (await school.GetAsync($"/api/v1/volunteers?institution={fzu.InstitutionId}")).Problem(HttpStatusCode.Forbidden);
        (await unit.PostAsync("/api/v1/volunteers", new RegisterVolunteer(PersonB, new DateOnly(2022, 3, 1)))).Problem(HttpStatusCode.Forbidden);
    }

    private async Task<long> StoredTextContainingAsync(string text)
    {
        await using var session = app.Store.QuerySession();
        var counts = await session.AdvancedSql.QueryAsync<long>(
            """
            select (select count(*) from gulou_tests.mt_events where data::text ilike '%' || ? || '%')
                 + (select count(*) from gulou_tests.mt_doc_volunteerrecord where data::text ilike '%' || ? || '%')
            """, CancellationToken.None, text, text);
        return counts.Single();
    }
}
