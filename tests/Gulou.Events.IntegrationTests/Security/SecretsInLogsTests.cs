using System.Net;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Security;

public sealed class SecretsInLogsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Keys_id_numbers_names_and_contacts_never_reach_the_logs_even_on_failures()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        const string badNumber = "350102199003071235";

        var name = $"郑晓燕{Guid.NewGuid().ToString("N")[..6]}";
        var contact = $"福州市鼓楼区{Guid.NewGuid().ToString("N")[..6]}号";
        var teacher = $"吴建国{Guid.NewGuid().ToString("N")[..6]}";
        (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 1, 1), name, contact))).ShouldBe(HttpStatusCode.Created);
        (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 1, 1), name + new string('长', 300)))).ShouldBe(HttpStatusCode.BadRequest);
        (await district.Admin.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.BackboneTeacher, teacher, DesignationLevel.District, new DateOnly(2023, 9, 1), teacher, "physics")))
            .ShouldBe(HttpStatusCode.Created);
        (await district.Admin.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.BackboneTeacher, teacher, DesignationLevel.District, new DateOnly(2023, 9, 2), teacher, "physics")))
            .ShouldBe(HttpStatusCode.Conflict);
        (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(badNumber, new DateOnly(2023, 1, 1)))).ShouldBe(HttpStatusCode.BadRequest);
        (await partner.PostRawAsync("/api/v1/volunteers", $$"""{"idNumber":"{{VolunteerTests.PersonB}}","registeredOn":"not a date"}""")).ShouldBe(HttpStatusCode.BadRequest);
        (await partner.PostRawAsync("/api/v1/volunteers", $$"""{"idNumber":{{VolunteerTests.PersonA[..17]}},"registeredOn":"2023-01-01"}""")).ShouldBe(HttpStatusCode.BadRequest);
        (await new ApiClient(app.Host, partner.Key + "x").GetAsync("/api/v1/plan")).ShouldBe(HttpStatusCode.Unauthorized);

        var logged = string.Join("\n", app.Logs.Entries);
        Assert.NotEmpty(logged);
        foreach (var secret in new[] { partner.Key, partner.Key[4..], district.Admin.Key, VolunteerTests.PersonA, VolunteerTests.PersonA[..17], VolunteerTests.PersonB, badNumber, name, contact, teacher })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.OrdinalIgnoreCase);
        }
    }
}
