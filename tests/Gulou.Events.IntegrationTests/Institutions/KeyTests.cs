using System.Net;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;

namespace Gulou.Events.IntegrationTests.Institutions;

public sealed class KeyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_key_is_shown_once_and_only_its_hash_is_stored()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var issued = (await district.Admin.PostAsync($"/api/v1/institutions/{partner.InstitutionId}/keys?label=laptop"))
            .ShouldBe(HttpStatusCode.Created).As<IssuedKey>();

        Assert.StartsWith("glk_", issued.Key, StringComparison.Ordinal);
        Assert.Equal("laptop", issued.Label);
        (await new Actor(app, partner.InstitutionId, issued.Key).GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.OK);
        var listed = (await district.Admin.GetAsync($"/api/v1/institutions/{partner.InstitutionId}")).Body;
        Assert.DoesNotContain(issued.Key, listed, StringComparison.Ordinal);
        Assert.Equal(0, await StoredTextContainingAsync(issued.Key));
        Assert.Equal(0, await StoredTextContainingAsync(partner.Key));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_revoking_again_changes_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var institution = (await district.Admin.GetAsync($"/api/v1/institutions/{partner.InstitutionId}")).As<InstitutionDto>();
        var keyId = Assert.Single(institution.Keys).KeyId;

        (await district.Admin.DeleteAsync($"/api/v1/keys/{keyId}")).ShouldBe(HttpStatusCode.NoContent);
        var after = await district.EventCountAsync();
        (await district.Admin.DeleteAsync($"/api/v1/keys/{keyId}")).ShouldBe(HttpStatusCode.NoContent);

        var problem = (await partner.GetAsync("/api/v1/plan")).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(after, await district.EventCountAsync());
        var revoked = (await district.Admin.GetAsync($"/api/v1/institutions/{partner.InstitutionId}")).As<InstitutionDto>();
        Assert.NotNull(Assert.Single(revoked.Keys).RevokedAt);
    }

    [Fact]
    public async Task Keys_are_managed_by_administrators_of_the_same_district_only()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var other = await app.NewDistrictAsync();

        (await partner.PostAsync($"/api/v1/institutions/{partner.InstitutionId}/keys")).Problem(HttpStatusCode.Forbidden);
        (await other.Admin.PostAsync($"/api/v1/institutions/{partner.InstitutionId}/keys")).Problem(HttpStatusCode.NotFound);
        (await district.Admin.DeleteAsync($"/api/v1/keys/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("glk_not-a-real-key")]
    [InlineData("")]
    public async Task Unknown_or_empty_keys_are_unauthenticated(string key)
    {
        var response = await new ApiClient(app.Host, key).GetAsync("/api/v1/plan");

        Assert.Equal("unauthenticated", response.Problem(HttpStatusCode.Unauthorized).Code);
        Assert.Contains("X-Api-Key", response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_key_is_refused_without_a_lookup()
    {
        var response = await new ApiClient(app.Host, new string('k', 10_000)).GetAsync("/api/v1/plan");

        response.Problem(HttpStatusCode.Unauthorized);
    }

    private async Task<long> StoredTextContainingAsync(string text)
    {
        await using var session = app.Store.QuerySession();
        var events = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from gulou_tests.mt_events where data::text like '%' || ? || '%'", CancellationToken.None, text);
        var documents = await session.AdvancedSql.QueryAsync<long>(
            "select count(*) from gulou_tests.mt_doc_apikeyrecord where data::text like '%' || ? || '%'", CancellationToken.None, text);
        return events.Single() + documents.Single();
    }
}
