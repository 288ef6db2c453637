using System.Net;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class HistoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_history_shows_each_event_with_who_when_and_the_correlation_id()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var created = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay(), new Dictionary<string, string> { ["X-Correlation-ID"] = "import-2023-05" }))
            .ShouldBe(HttpStatusCode.Created);
        Assert.Equal("import-2023-05", created.Headers["X-Correlation-ID"].ToString());
        var activity = created.As<ActivityDto>();
        await partner.PostAsync($"/api/v1/activities/{activity.Id}/attendance", new RecordAttendance(1, Youth: 2));

        var history = (await auditor.GetAsync($"/api/v1/activities/{activity.Id}/history")).ShouldBe(HttpStatusCode.OK).As<List<ActivityHistoryEntry>>();

        Assert.Equal(["activity_reported", "attendance_recorded"], history.Select(h => h.Type));
        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.All(history, h => Assert.Equal(partner.InstitutionId, h.InstitutionId));
        Assert.All(history, h => Assert.NotNull(h.KeyId));
        Assert.All(history, h => Assert.InRange(h.RecordedAt, started, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal("import-2023-05", history[0].CorrelationId);
        Assert.False(string.IsNullOrEmpty(history[1].CorrelationId));
        Assert.NotEqual("import-2023-05", history[1].CorrelationId);
        var json = (await auditor.GetAsync($"/api/v1/activities/{activity.Id}/history")).Json();
        Assert.Equal(2, json[1].GetProperty("data").GetProperty("added").GetProperty("youth").GetInt32());
    }

    [Fact]
    public async Task The_key_in_the_history_is_the_key_that_posted()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var second = (await district.Admin.PostAsync($"/api/v1/institutions/{partner.InstitutionId}/keys")).As<Gulou.Events.Contracts.Institutions.IssuedKey>();
        var activity = await new Actor(app, partner.InstitutionId, second.Key).ReportAsync(Reports.LabOpenDay());

        var history = (await partner.GetAsync($"/api/v1/activities/{activity.Id}/history")).As<List<ActivityHistoryEntry>>();

        Assert.Equal(second.KeyId, Assert.Single(history).KeyId);
    }

    [Fact]
    public async Task A_malformed_correlation_id_is_refused()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var problem = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay(), new Dictionary<string, string> { ["X-Correlation-ID"] = new string('x', 300) }))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains("X-Correlation-ID", problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }
}
