using System.Net;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Persons;

/// <summary>
/// The export gathers what every slice holding people records on the person: a volunteer's registrations (a partner
/// only its own) and a designated teacher's designations, besides the register's fields.
/// </summary>
public sealed class ExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_volunteer_is_exported_with_every_registration_and_a_teacher_with_the_designation()
    {
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync();
        var school = await district.SchoolAsync("鼓楼第一中心小学");
        var volunteer = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 3, 1), "王一")))
            .ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        (await school.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 9, 1)))).ShouldBe(HttpStatusCode.OK);
        var teacher = (await district.Admin.PostAsync("/api/v1/designations", new RecordDesignation(
                DesignationKind.BackboneTeacher, "GLT-0001", DesignationLevel.District, new DateOnly(2023, 9, 1), "陈老师", "physics")))
            .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();

        var all = (await district.Admin.GetAsync($"/api/v1/persons/{volunteer.PersonKey}/export")).ShouldBe(HttpStatusCode.OK).As<PersonExportDto>();
        Assert.Equal("王一", all.Name);
        Assert.Equal(["volunteer"], all.Roles);
        Assert.Equal([(fzu.InstitutionId, new DateOnly(2023, 3, 1)), (school.InstitutionId, new DateOnly(2023, 9, 1))],
            all.Volunteer!.Registrations.Select(r => (r.InstitutionId, r.RegisteredOn)).OrderBy(r => r.RegisteredOn));
        Assert.Empty(all.Designations);
        var own = (await fzu.GetAsync($"/api/v1/persons/{volunteer.PersonKey}/export")).ShouldBe(HttpStatusCode.OK).As<PersonExportDto>();
        Assert.Equal([fzu.InstitutionId], own.Volunteer!.Registrations.Select(r => r.InstitutionId));

        var designated = (await district.Admin.GetAsync($"/api/v1/persons/{teacher.PersonId}/export")).ShouldBe(HttpStatusCode.OK).As<PersonExportDto>();
        Assert.Null(designated.Volunteer);
        var only = Assert.Single(designated.Designations);
        Assert.Equal((teacher.Id, "GLT-0001", "陈老师"), (only.Id, only.SubjectKey, only.SubjectName));
    }
}
