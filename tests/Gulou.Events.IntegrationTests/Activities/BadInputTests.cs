using System.Net;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>Input a client could get wrong: always a 4xx problem naming the field, never a 500, and nothing recorded.</summary>
public sealed class BadInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> BadReports => new()
    {
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-13-01"}""", "occurredOn" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"yesterday"}""", "occurredOn" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2019-01-01"}""", "occurredOn" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2099-01-01"}""", "occurredOn" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","attendance":{"youth":"many"}}""", "attendance.youth" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","attendance":{"youth":1e40}}""", "attendance.youth" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","attendance":{"yuoth":3}}""", "yuoth" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","occuredOn":"2023-01-01"}""", "occuredOn" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","measureCodes":"ACT-02"}""", "measureCodes" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01","volunteerHours":-2}""", "volunteerHours" },
        { """{"externalRef":"A","kind":"party","title":"t","occurredOn":"2023-01-01"}""", "kind" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"","occurredOn":"2023-01-01"}""", "title" },
        { """{"kind":"lab_open_day","title":"t","occurredOn":"2023-01-01"}""", "externalRef" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t"}""", "occurredOn" },
        { """{"externalRef":"A","kind":"lab_open_day","title":"t","occurredOn":"2023-01-01",""", "body" },
        { "[1,2,3]", "body" },
        { "null", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_bad_report_is_a_400_naming_the_field(string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var problem = (await partner.PostRawAsync("/api/v1/activities", body)).Problem(HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"'{field}' not among {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task Strings_over_their_limit_are_refused()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var problem = (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay() with { Title = new string('科', 201), ExternalRef = new string('r', 101) }))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains("title", problem.Errors.Keys);
        Assert.Contains("externalRef", problem.Errors.Keys);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_before_it_is_read()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();
        var huge = $$"""{"externalRef":"A","kind":"lab_open_day","occurredOn":"2023-01-01","title":"{{new string('x', 1_100_000)}}"}""";

        var problem = (await partner.PostRawAsync("/api/v1/activities", huge)).Problem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("payload_too_large", problem.Code);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_an_unsupported_media_type()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var problem = (await partner.PostRawAsync("/api/v1/activities", "externalRef=A", "text/plain")).Problem(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("unsupported_media_type", problem.Code);
    }

    [Theory]
    [InlineData("""{"expectedVersion":1}""", "body")]
    [InlineData("""{"expectedVersion":0,"youth":1}""", "expectedVersion")]
    [InlineData("""{"youth":1}""", "expectedVersion")]
    [InlineData("""{"expectedVersion":"one","youth":1}""", "expectedVersion")]
    [InlineData("""{"expectedVersion":1,"youth":-5}""", "youth")]
    [InlineData("""{"expectedVersion":1,"youth":2147483648}""", "youth")]
    public async Task Bad_attendance_is_a_400_naming_the_field(string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var activity = await partner.ReportAsync(Reports.LabOpenDay());
        var before = await district.EventCountAsync();

        var problem = (await partner.PostRawAsync($"/api/v1/activities/{activity.Id}/attendance", body)).Problem(HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"'{field}' not among {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task An_unknown_route_and_method_are_problems_too()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        Assert.Equal("not_found", (await partner.GetAsync("/api/v1/nothing-here")).Problem(HttpStatusCode.NotFound).Code);
        Assert.Equal("not_found", (await partner.GetAsync("/api/v1/activities/not-a-guid")).Problem(HttpStatusCode.NotFound).Code);
    }
}
