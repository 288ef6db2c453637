using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Migrations;
using Gulou.Events.Api.Volunteers;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Reviews;
using Gulou.Events.IntegrationTests.Volunteers;
using Microsoft.Extensions.DependencyInjection;

namespace Gulou.Events.IntegrationTests.Persons;

/// <summary>
/// A store written before the person register (a volunteer under the keyed hash of their ID number, a backbone teacher
/// under their name, both in the events), with 2022 closed and sealed: the migration moves both into the register, and
/// then no table holds the name or the hash, the register reads them back, figures, a rebuild and the verification of
/// the projections are unchanged, and the seal of 2022 verifies (sealed again over the moved events).
/// </summary>
// Rebuilds and verifications run over every district.
[Collection(AloneCollection.Name)]
public sealed class MigrationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Old_volunteers_and_teachers_move_into_the_register_and_out_of_the_log_with_figures_and_seal_unchanged()
    {
        var district = await app.NewDistrictAsync();
        var tenant = district.TenantId;
        var fzu = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        var teacherName = $"黄老师{Guid.NewGuid().ToString("N")[..6]}";
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppFixture.PersonKeySecret), Encoding.UTF8.GetBytes($"{tenant}\u001f{VolunteerTests.PersonA}")));

        // As the version before the register wrote them: the hash as the person key, the name as the subject's key and name.
        var teacherStream = DesignationAccess.IdFor(tenant, DesignationKind.BackboneTeacher, teacherName);
        await using (var session = app.Store.LightweightSession(tenant))
        {
            session.Events.StartStream<VolunteerRecord>(PersonKeys.StreamFor(tenant, hash), new VolunteerRegistered(hash, fzu.InstitutionId, new DateOnly(2022, 3, 1)));
            session.Events.StartStream<DesignationRecord>(teacherStream, new SubjectDesignated(
                teacherStream, DesignationKind.BackboneTeacher, teacherName, teacherName, DesignationLevel.District, new DateOnly(2022, 9, 1), district.Admin.InstitutionId, "physics"));
            await session.SaveChangesAsync();
        }

        var figures = await FiguresAsync(district.Admin);
        Assert.Equal((1m, 1m), (figures.Targets.Single(t => t.Code == "T-VOLUNTEERS").Actual, figures.Targets.Single(t => t.Code == "T-TEACHERS").Actual));
        await ReviewSteps.CloseWithoutSignoffAsync(district.Admin, 2022, DateTimeOffset.UtcNow);
        Assert.NotEmpty(await StoredText.TablesHoldingAsync(app, [teacherName, hash]));

        var migration = app.Host.Services.GetRequiredService<PersonMigration>();
        var result = await migration.MigrateAsync(tenant, CancellationToken.None);
        Assert.Equal((1, 1), (result.Volunteers, result.Designations));
        Assert.Equal([2022], result.Resealed);
        var rebuilt = await Projections.WaitAsync(district.Admin,
            (await district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=Progress")).ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>().Id);
        Assert.Equal("succeeded", rebuilt.State);

        Assert.Empty(await StoredText.TablesHoldingAsync(app, [teacherName, hash]));
        Same.Json(figures.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)).ToList(), (await FiguresAsync(district.Admin)).Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)).ToList());
        var verified = await Projections.VerifyAsync(district.Admin);
        Assert.True(verified.State == "succeeded", string.Join("\n", verified.Differences));
        var seal = (await auditor.PostAsync("/api/v1/reviews/2022/seal/verification")).ShouldBe(HttpStatusCode.OK).As<SealVerificationDto>();
        Assert.Equal(("intact", true), (seal.Result, seal.FiguresReproduced));

        // The register reads them back, by their new person ids.
        var teacher = Assert.Single((await district.Admin.GetAsync("/api/v1/designations?kind=backbone_teacher")).As<PagedList<DesignationDto>>().Items);
        Assert.Equal((teacherName, teacherName), (teacher.SubjectKey, teacher.SubjectName));
        var volunteer = Assert.Single((await fzu.GetAsync("/api/v1/volunteers")).As<PagedList<VolunteerDto>>().Items);
        Assert.Equal(hash, (await district.Admin.GetAsync($"/api/v1/persons/{volunteer.PersonKey}/export")).As<PersonExportDto>().IdNumberHash);
        // Registering the same person again finds them, and recording the teacher again finds the same record.
        Assert.Equal(volunteer.PersonKey, (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2022, 3, 1)))).ShouldBe(HttpStatusCode.OK).As<VolunteerDto>().PersonKey);
        var again = (await district.Admin.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.BackboneTeacher, teacherName, DesignationLevel.District, new DateOnly(2022, 9, 1), TeachingSubject: "physics")))
            .ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        Assert.Equal(teacher.Id, again.Id);

        Assert.Equal((0, 0, 0), await migration.MigrateAsync(tenant, CancellationToken.None) is var twice ? (twice.Volunteers, twice.Designations, twice.Resealed.Count) : default);
    }

    private static async Task<ProgressOverview> FiguresAsync(Actor reader) =>
        (await reader.GetAsync("/api/v1/progress?year=2022&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
}
