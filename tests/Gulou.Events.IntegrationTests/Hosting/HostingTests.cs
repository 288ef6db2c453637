using System.Net;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Hosting;

public sealed class HostingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_probes_answer_without_a_key_and_readiness_checks_the_store()
    {
        (await app.Anonymous.GetAsync("/health/live")).ShouldBe(HttpStatusCode.OK);
        var ready = (await app.Anonymous.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK).Json();

        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("event-store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_node_registers_no_message_agents_since_it_handles_no_messages()
    {
        // A node in one of Wolverine's durability modes records itself in wolverine_nodes and elects a leader among the
        // nodes there; this service runs Wolverine as a mediator of its HTTP endpoints and leaves the table unused.
        (await app.Anonymous.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);
        await using var session = app.Store.QuerySession();
        var nodes = await session.AdvancedSql.QueryAsync<long>("select count(*) from gulou_tests.wolverine_nodes", CancellationToken.None);

        Assert.Equal(0, nodes.Single());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_and_the_key_scheme()
    {
        var doc = (await app.Anonymous.GetAsync("/swagger/v1/swagger.json")).ShouldBe(HttpStatusCode.OK).Json();

        var paths = doc.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/plan", "/api/v1/institutions", "/api/v1/institutions/{id}", "/api/v1/institutions/{id}/keys", "/api/v1/keys/{keyId}",
            "/api/v1/activities", "/api/v1/activities/{id}", "/api/v1/activities/{id}/attendance", "/api/v1/activities/{id}/evidence",
            "/api/v1/activities/{id}/corrections", "/api/v1/activities/{id}/retraction", "/api/v1/activities/{id}/history",
            "/api/v1/activities/{id}/verification", "/api/v1/designations", "/api/v1/designations/{id}", "/api/v1/designations/{id}/revocation",
            "/api/v1/volunteers", "/api/v1/volunteers/{personKey}/deregistration", "/api/v1/indicators/{targetCode}/observations",
            "/api/v1/progress", "/api/v1/progress/targets/{code}", "/api/v1/progress/measures", "/api/v1/progress/measures/{code}", "/api/v1/progress/units",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        var report = paths.GetProperty("/api/v1/activities").GetProperty("post");
        Assert.True(report.GetProperty("security").GetArrayLength() > 0);
        Assert.True(report.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(report.GetProperty("responses").TryGetProperty("400", out _));

        var progress = paths.GetProperty("/api/v1/progress").GetProperty("get");
        Assert.Contains(progress.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "year");
        var answers = progress.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Contains("ProgressOverview", answers.GetProperty("application/json").GetProperty("schema").GetRawText(), StringComparison.Ordinal);
        Assert.True(answers.TryGetProperty("text/csv", out _));
        var list = paths.GetProperty("/api/v1/activities").GetProperty("get");
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "target");
    }

    [Fact]
    public async Task Api_answers_are_not_sniffed_framed_or_cached()
    {
        var answer = await app.Anonymous.GetAsync("/api/v1/plan");

        Assert.Equal("nosniff", answer.Headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", answer.Headers.XFrameOptions.ToString());
        Assert.Equal("no-store", answer.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task The_openapi_ui_is_served()
    {
        var page = (await app.Anonymous.GetAsync("/swagger/index.html")).ShouldBe(HttpStatusCode.OK);

        Assert.Contains("swagger", page.Body, StringComparison.OrdinalIgnoreCase);
    }
}
