using System.Net;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.IntegrationTests.Infrastructure;
using Npgsql;

namespace Gulou.Events.IntegrationTests.Security;

/// <summary>
/// Keys are cached in memory on every node: a second node on the same databases (its projection daemon off) hears of
/// every key issued or revoked on the fixture's node. The refusals are awaited by polling; how soon they come is the
/// listener's design (a second at most), not something a test on a busy machine can time.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KeyCacheTests(AppFixture app)
{
    [Fact]
    public async Task A_key_issued_on_one_node_works_on_another_at_once_and_once_revoked_is_refused_there()
    {
        await using var other = await OtherNodeAsync();
        var district = await app.NewDistrictAsync(AppFixture.SecondDatabase);
        var partner = await district.PartnerAsync();
        var onOther = new ApiClient(other, partner.Key);

        (await onOther.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK);
        (await onOther.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK);
        var keyId = (await district.Admin.GetAsync($"/api/v1/institutions/{partner.InstitutionId}")).As<InstitutionDto>().Keys.Single().KeyId;
        (await district.Admin.DeleteAsync($"/api/v1/keys/{keyId}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Contains("revoked", (await partner.GetAsync("/api/v1/district")).Problem(HttpStatusCode.Unauthorized).Detail, StringComparison.Ordinal);
        var refused = await Poll.UntilAsync(() => onOther.GetAsync("/api/v1/district"), r => r.Status != HttpStatusCode.OK);
        Assert.Contains("revoked", refused.Problem(HttpStatusCode.Unauthorized).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_whose_key_listener_lost_its_connection_listens_again_and_hears_revocations()
    {
        await using var other = await OtherNodeAsync();
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var onOther = new ApiClient(other, partner.Key);
        (await onOther.GetAsync("/api/v1/district")).ShouldBe(HttpStatusCode.OK);
        await Poll.UntilAsync(() => ListenersAsync(), n => n >= 4); // two nodes, two databases

        await TerminateListenersAsync();
        await Poll.UntilAsync(() => ListenersAsync(), n => n >= 4);
        var keyId = (await district.Admin.GetAsync($"/api/v1/institutions/{partner.InstitutionId}")).As<InstitutionDto>().Keys.Single().KeyId;
        (await district.Admin.DeleteAsync($"/api/v1/keys/{keyId}")).ShouldBe(HttpStatusCode.NoContent);

        var refused = await Poll.UntilAsync(() => onOther.GetAsync("/api/v1/district"), r => r.Status != HttpStatusCode.OK);
        refused.Problem(HttpStatusCode.Unauthorized);
    }

    private Task<Alba.IAlbaHost> OtherNodeAsync() => AppFixture.StartHostAsync(app.ConnectionString, AppFixture.Schema,
        new Dictionary<string, string>(app.PoolSettings) { ["Gulou:Daemon"] = "Disabled" });

    /// <summary>The key listeners connected to either database of the pool for the fixture's schema.</summary>
    private async Task<long> ListenersAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where application_name = $1", connection)
        {
            Parameters = { new() { Value = ApiKeyListener.ApplicationName(AppFixture.Schema) } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = $1", connection)
        {
            Parameters = { new() { Value = ApiKeyListener.ApplicationName(AppFixture.Schema) } },
        };
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 4);
    }
}
