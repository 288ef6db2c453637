using System.Net;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Indicators;

public sealed class IndicatorTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_observation_is_kept_and_the_latest_of_a_year_stands()
    {
        var district = await app.NewDistrictAsync();
        var health = await district.UnitAsync("HEALTH");

        await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations", new RecordObservation(2023, 5800, 10000, "2023年老年人体育健身调查"));
        var latest = (await health.PostAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations", new RecordObservation(2023, 6100, 10000, "2023年调查（复核）")))
            .ShouldBe(HttpStatusCode.Created).As<IndicatorDto>();

        Assert.Equal(2, latest.Observations.Count);
        var standing = Assert.Single(latest.Standing);
        Assert.Equal(61m, standing.Percent);
        Assert.Equal("2023年调查（复核）", standing.Source);
        var read = (await district.Admin.GetAsync("/api/v1/indicators/T-ELDERLY-FITNESS/observations")).ShouldBe(HttpStatusCode.OK).As<IndicatorDto>();
        Assert.Equal(2, read.Observations.Count);
    }

    [Fact]
    public async Task The_literacy_survey_is_recorded_by_the_science_association_or_an_administrator_only()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var health = await district.UnitAsync("HEALTH");
        var partner = await district.PartnerAsync();
        var survey = new RecordObservation(2024, 1750, 10000, "公民科学素质抽样调查");

        (await cast.PostAsync("/api/v1/indicators/T-LITERACY/observations", survey)).ShouldBe(HttpStatusCode.Created);
        (await district.Admin.PostAsync("/api/v1/indicators/T-LITERACY/observations", survey)).ShouldBe(HttpStatusCode.Created);
        (await health.PostAsync("/api/v1/indicators/T-LITERACY/observations", survey)).Problem(HttpStatusCode.Forbidden);
        (await partner.PostAsync("/api/v1/indicators/T-LITERACY/observations", survey)).Problem(HttpStatusCode.Forbidden);
        (await cast.PostAsync("/api/v1/indicators/T-BASES/observations", survey)).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"year":2024,"numerator":11,"denominator":10,"source":"s"}""", "numerator")]
    [InlineData("""{"year":2024,"numerator":1,"denominator":0,"source":"s"}""", "denominator")]
    [InlineData("""{"year":2019,"numerator":1,"denominator":10,"source":"s"}""", "year")]
    [InlineData("""{"year":2099,"numerator":1,"denominator":10,"source":"s"}""", "year")]
    [InlineData("""{"year":2024,"numerator":1,"denominator":10,"source":""}""", "source")]
    public async Task Bad_observations_are_refused_and_change_nothing(string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var before = await district.EventCountAsync();

        var problem = (await district.Admin.PostRawAsync("/api/v1/indicators/T-LITERACY/observations", body)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }
}
