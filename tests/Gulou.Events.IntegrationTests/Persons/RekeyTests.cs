using System.Net;
using Gulou.Events.Api.Persons;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;
using Marten;

namespace Gulou.Events.IntegrationTests.Persons;

/// <summary>
/// Rotating the master key: <c>persons-rekey</c>, given the new key and the old one as previous, rewraps every data key
/// of the district and, run again, none; then a node with the new key alone reads every person, a node with the old key
/// alone reads none, an erased person stays erased, and the event log is untouched.
/// </summary>
// A second node on the fixture's schema.
[Collection(AloneCollection.Name)]
public sealed class RekeyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewMasterKey = "test-person-master-key-2027";

    [Fact]
    public async Task Every_data_key_is_rewrapped_under_the_new_master_key_and_read_with_it_alone()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync();
        var kept = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 3, 1), $"王一{tag}", "13800000001")))
            .ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        var erased = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonB, new DateOnly(2023, 3, 1), $"王二{tag}")))
            .ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        var teacher = (await district.Admin.PostAsync("/api/v1/designations", new RecordDesignation(
                DesignationKind.BackboneTeacher, $"GLT-{tag}", DesignationLevel.District, new DateOnly(2023, 9, 1), $"陈老师{tag}", "physics")))
            .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        (await district.Admin.PostAsync($"/api/v1/persons/{erased.PersonKey}/erasure", new ErasePerson("本人申请删除", "PIPL Art. 47(1)"))).ShouldBe(HttpStatusCode.OK);
        var events = await district.EventCountAsync();
        var rotate = new Dictionary<string, string>
        {
            ["Gulou__PersonMasterKey"] = NewMasterKey,
            ["Gulou__PreviousPersonMasterKeys"] = AppFixture.PersonMasterKey,
        };

        var (exit, printed) = await RekeyAsync(rotate, district.TenantId);
        Assert.True(exit == 0, printed);
        Assert.Contains("2 data keys rewrapped", printed);
        Assert.Contains("0 under it already, 0 under a master key not given", printed);
        var (againExit, rerun) = await RekeyAsync(rotate, district.TenantId);
        Assert.True(againExit == 0, rerun);
        Assert.Contains("0 data keys rewrapped", rerun);
        Assert.Contains("2 under it already", rerun);
        Assert.Equal(events, await district.EventCountAsync());
        await using (var session = app.Store.QuerySession(district.TenantId))
        {
            var keys = await session.Query<PersonKeyRecord>().ToListAsync();
            Assert.Equal(2, keys.Count);
            Assert.Single(keys.Select(k => k.MasterKeyId).Distinct());
        }

        await using var rotated = await AppFixture.StartHostAsync(app.ConnectionString, AppFixture.Schema,
            new Dictionary<string, string>(app.PoolSettings) { ["Gulou:Daemon"] = "Disabled", ["Gulou:PersonMasterKey"] = NewMasterKey });
        var admin = new ApiClient(rotated, district.Admin.Key);
        var names = (await admin.GetAsync("/api/v1/volunteers")).ShouldBe(HttpStatusCode.OK).As<PagedList<VolunteerDto>>().Items
            .ToDictionary(v => v.PersonKey, v => v.Person!.Name);
        Assert.Equal($"王一{tag}", names[kept.PersonKey]);
        Assert.Equal(PersonDto.ErasedText, names[erased.PersonKey]);
        var export = (await admin.GetAsync($"/api/v1/persons/{kept.PersonKey}/export")).ShouldBe(HttpStatusCode.OK).As<PersonExportDto>();
        Assert.Equal(($"王一{tag}", "13800000001"), (export.Name, export.Contact));
        var designation = (await admin.GetAsync($"/api/v1/designations/{teacher.Id}")).ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        Assert.Equal(($"GLT-{tag}", $"陈老师{tag}"), (designation.SubjectKey, designation.SubjectName));
        // The same ID number registered again through the node on the new key finds the same person and opens their fields.
        var again = (await new ApiClient(rotated, fzu.Key).PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2023, 3, 1))))
            .ShouldBe(HttpStatusCode.OK).As<VolunteerDto>();
        Assert.Equal((kept.PersonKey, $"王一{tag}"), (again.PersonKey, again.Person!.Name));

        // The fixture's node holds the old key only: it reads none of them any more.
        var old = (await district.Admin.GetAsync("/api/v1/volunteers")).ShouldBe(HttpStatusCode.OK).As<PagedList<VolunteerDto>>().Items
            .ToDictionary(v => v.PersonKey, v => v.Person!.Name);
        Assert.Null(old[kept.PersonKey]);
        Assert.Equal(PersonDto.ErasedText, old[erased.PersonKey]);

        // A run that is not given the key a data key is under leaves it and fails.
        var (blindExit, blind) = await RekeyAsync(new Dictionary<string, string> { ["Gulou__PersonMasterKey"] = "yet-another-master-key" }, district.TenantId);
        Assert.NotEqual(0, blindExit);
        Assert.Contains("0 data keys rewrapped", blind);
        Assert.Contains("2 under a master key not given", blind);
    }

    /// <summary>Runs <c>persons-rekey</c> for the district; its output with line breaks folded into spaces.</summary>
    private async Task<(int ExitCode, string Output)> RekeyAsync(IReadOnlyDictionary<string, string> settings, string tenant)
    {
        var (exit, printed) = await ServiceCommand.RunAsync(app, settings, "persons-rekey", "--tenant", tenant);
        return (exit, System.Text.RegularExpressions.Regex.Replace(printed, @"\s+", " "));
    }
}
