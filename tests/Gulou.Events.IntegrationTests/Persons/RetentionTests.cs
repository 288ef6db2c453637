using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Persons;

/// <summary>
/// Volunteers are kept five years after their last registration ended: the dry run lists exactly those past it, erasing
/// nothing; the run erases them (and only them) as the retention schedule, and a second run finds nothing left.
/// </summary>
public sealed class RetentionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_dry_run_lists_the_volunteers_past_their_retention_and_the_run_erases_exactly_them()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync();
        var today = DateOnly.FromDateTime(AppFixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        // Left long enough ago to be past five years, left recently, and still active.
        var longGoneLeft = today.AddYears(-5).AddDays(-1);
        var longGone = await RegisterAsync(fzu, VolunteerTests.PersonA, longGoneLeft.AddYears(-2), "王一");
        (await fzu.PostAsync($"/api/v1/volunteers/{longGone}/deregistration", new DeregisterVolunteer(longGoneLeft))).ShouldBe(HttpStatusCode.OK);
        var recent = await RegisterAsync(fzu, VolunteerTests.PersonB, today.AddYears(-7), "王二");
        (await fzu.PostAsync($"/api/v1/volunteers/{recent}/deregistration", new DeregisterVolunteer(today.AddYears(-5).AddDays(1)))).ShouldBe(HttpStatusCode.OK);
        var active = await RegisterAsync(fzu, "11010519491231002X", today.AddYears(-9), "王三");

        var report = (await district.Admin.GetAsync("/api/v1/persons/retention?dryRun=true")).ShouldBe(HttpStatusCode.OK).As<RetentionReportDto>();
        Assert.Equal((true, 5, 0), (report.DryRun, report.VolunteerYears, report.Erased));
        Assert.Equal([new RetentionItemDto(Guid.ParseExact(longGone, "N"), "volunteer", longGoneLeft, longGoneLeft.AddYears(5))], report.Due);
        Assert.Equal(["王三", "王一", "王二"], await NamesAsync(district.Admin));
        Assert.Contains("dryRun", (await district.Admin.GetAsync("/api/v1/persons/retention?dryRun=false")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        (await fzu.GetAsync("/api/v1/persons/retention")).Problem(HttpStatusCode.Forbidden);

        var run = (await district.Admin.PostAsync("/api/v1/persons/retention")).ShouldBe(HttpStatusCode.OK).As<RetentionReportDto>();
        Assert.Equal((false, 1), (run.DryRun, run.Erased));
        Assert.Equal(["王三", PersonDto.ErasedText, "王二"], await NamesAsync(district.Admin));
        var erasure = (await district.Admin.GetAsync($"/api/v1/persons/{Guid.ParseExact(longGone, "N")}/export")).As<PersonExportDto>().Erasure!;
        Assert.True(erasure.ByRetention);
        var again = (await district.Admin.PostAsync("/api/v1/persons/retention")).ShouldBe(HttpStatusCode.OK).As<RetentionReportDto>();
        Assert.Equal((0, 0), (again.Due.Count, again.Erased));
        _ = (recent, active);
    }

    private static async Task<string> RegisterAsync(Actor partner, string idNumber, DateOnly on, string name) =>
        (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(idNumber, on, name))).ShouldBe(HttpStatusCode.Created).As<VolunteerDto>().PersonKey;

    /// <summary>The volunteers' names in the order of their registration.</summary>
    private static async Task<IReadOnlyList<string?>> NamesAsync(Actor reader) =>
        (await reader.GetAsync("/api/v1/volunteers")).As<PagedList<VolunteerDto>>().Items
            .OrderBy(v => v.Registrations.Min(r => r.RegisteredOn)).Select(v => v.Person!.Name).ToList();
}
