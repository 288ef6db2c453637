using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Reviews;

namespace Gulou.Events.IntegrationTests.Persons;

/// <summary>
/// A volunteer and a backbone teacher are registered with their names, 2023 is closed and sealed, and both are erased:
/// then no API answer, no row of any table of the database and no log line holds their names, keys or the hash of the
/// ID number, while every figure, a rebuild, the verification of the projections, the review and the seal are unchanged.
/// </summary>
// Rebuilds and verifications run over every district.
[Collection(AloneCollection.Name)]
public sealed class ErasureTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string IdNumber = "11010519491231002X";

    [Fact]
    public async Task Erasing_a_volunteer_and_a_teacher_leaves_no_trace_of_them_and_changes_no_figure_rebuild_verification_or_seal()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var volunteerName = $"林晓梅{tag}";
        var contact = $"138{Random.Shared.Next(10_000_000, 99_999_999)}";
        var teacherName = $"陈志远{tag}";
        var teacherKey = $"GLT-{tag}";
        var district = await app.NewDistrictAsync();
        var fzu = await district.PartnerAsync($"福州大学{tag}");
        var auditor = await district.AuditorAsync();
        var idHash = IdHash(district.TenantId, IdNumber);

        var volunteer = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(IdNumber, new DateOnly(2023, 3, 1), volunteerName, contact)))
            .ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        var teacher = (await district.Admin.PostAsync("/api/v1/designations", new RecordDesignation(
                DesignationKind.BackboneTeacher, teacherKey, DesignationLevel.District, new DateOnly(2023, 9, 1), teacherName, "physics")))
            .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        Assert.Equal((volunteerName, contact), (volunteer.Person!.Name, volunteer.Person.Contact));
        Assert.Equal((teacherKey, teacherName), (teacher.SubjectKey, teacher.SubjectName));
        var volunteerId = Guid.ParseExact(volunteer.PersonKey, "N");
        var teacherId = teacher.PersonId!.Value;
        var export = (await district.Admin.GetAsync($"/api/v1/persons/{volunteerId}/export")).ShouldBe(HttpStatusCode.OK).As<PersonExportDto>();
        Assert.Equal((volunteerName, contact, idHash), (export.Name, export.Contact, export.IdNumberHash));
        Assert.Equal(teacherKey, (await district.Admin.GetAsync($"/api/v1/persons/{teacherId}/export")).As<PersonExportDto>().SubjectKey);

        string[] traces = [volunteerName, contact, teacherName, teacherKey, idHash, IdNumber];
        // Before the erasure the fields are only in the register, encrypted: no table holds them in clear even now.
        Assert.Empty(await TablesHoldingAsync(traces));
        Assert.NotEmpty(await TablesHoldingAsync([fzu.InstitutionId.ToString()]));

        await ReviewSteps.CloseWithoutSignoffAsync(district.Admin, 2023, DateTimeOffset.UtcNow);
        var figures = await FiguresAsync(district.Admin);
        Assert.Equal((1m, 1m), (Target(figures, "T-VOLUNTEERS"), Target(figures, "T-TEACHERS")));
        var seal = (await auditor.GetAsync("/api/v1/reviews/2023/seal")).ShouldBe(HttpStatusCode.OK).As<YearSealDto>();

        var erased = (await district.Admin.PostAsync($"/api/v1/persons/{volunteerId}/erasure", new ErasePerson("本人申请删除", "PIPL Art. 47(1)"))).ShouldBe(HttpStatusCode.OK).As<PersonErasureDto>();
        (await district.Admin.PostAsync($"/api/v1/persons/{teacherId}/erasure", new ErasePerson("本人申请删除", "PIPL Art. 47(1)"))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((volunteerId, "PIPL Art. 47(1)", false), (erased.PersonId, erased.LegalBasis, erased.ByRetention));
        (await district.Admin.PostAsync($"/api/v1/persons/{volunteerId}/erasure", new ErasePerson("再次", "PIPL Art. 47(1)"))).Problem(HttpStatusCode.Conflict);

        // Every read shows the erasure in place of the fields.
        var answers = new List<ApiResponse>();
        async Task<ApiResponse> ReadAsync(Actor reader, string url)
        {
            var answer = (await reader.GetAsync(url)).ShouldBe(HttpStatusCode.OK);
            answers.Add(answer);
            return answer;
        }

        var listed = Assert.Single((await ReadAsync(fzu, "/api/v1/volunteers")).As<PagedList<VolunteerDto>>().Items);
        Assert.Equal((volunteer.PersonKey, PersonDto.ErasedText, true), (listed.PersonKey, listed.Person!.Name, listed.Person.Erased));
        var designation = (await ReadAsync(district.Admin, $"/api/v1/designations/{teacher.Id}")).As<DesignationDto>();
        Assert.Equal((PersonDto.ErasedText, PersonDto.ErasedText), (designation.SubjectKey, designation.SubjectName));
        Assert.Equal(PersonDto.ErasedText, (await ReadAsync(district.Admin, $"/api/v1/persons/{volunteerId}/export")).As<PersonExportDto>().IdNumberHash);
        await ReadAsync(district.Admin, $"/api/v1/persons/{teacherId}/export");
        await ReadAsync(district.Admin, "/api/v1/volunteers?year=2023");
        await ReadAsync(auditor, "/api/v1/designations?kind=backbone_teacher");
        await ReadAsync(auditor, $"/api/v1/reviews/2023?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}");
        await ReadAsync(district.Admin, "/api/v1/reviews/plan");
        await ReadAsync(auditor, "/api/v1/reviews/2023/seal");
        await ReadAsync(auditor, "/api/v1/reviews/2023/statistics");
        answers.Add((await district.Admin.GetAsync("/api/v1/progress?year=2023", new Dictionary<string, string> { ["Accept"] = "text/csv" })).ShouldBe(HttpStatusCode.OK));

        // Figures, rebuild, verification and seal are unchanged.
        Same.Json(figures.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)).ToList(), (await FiguresAsync(district.Admin)).Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)).ToList());
        var rebuilt = await Projections.WaitAsync(district.Admin,
            (await district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=Progress")).ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>().Id);
        Assert.Equal("succeeded", rebuilt.State);
        Same.Json(figures.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)).ToList(), (await FiguresAsync(district.Admin)).Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)).ToList());
        var verified = await Projections.VerifyAsync(district.Admin);
        Assert.True(verified.State == "succeeded", string.Join("\n", verified.Differences));
        var sealVerification = (await auditor.PostAsync("/api/v1/reviews/2023/seal/verification")).ShouldBe(HttpStatusCode.OK).As<SealVerificationDto>();
        Assert.Equal(("intact", seal.ChainSha256), (sealVerification.Result, sealVerification.ChainSha256));
        Assert.True(sealVerification.FiguresReproduced);
        var (exit, printed) = await ServiceCommand.RunAsync(app, "review", "verify-seal", "2023", "--tenant", district.TenantId);
        Assert.True(exit == 0, printed);

        // No trace anywhere: answers, tables, logs.
        foreach (var trace in traces.SelectMany(Spellings))
        {
            Assert.DoesNotContain(answers, a => a.Body.Contains(trace, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Empty(await TablesHoldingAsync(traces));
        Assert.Empty(await TablesHoldingAsync([Lookup(district.TenantId, "volunteer", idHash), Lookup(district.TenantId, "backbone_teacher", teacherKey.ToUpperInvariant())]));
        var logged = string.Join("\n", app.Logs.Entries);
        foreach (var trace in traces)
        {
            Assert.DoesNotContain(trace, logged, StringComparison.OrdinalIgnoreCase);
        }

        // The same ID number registered again is a new person, who counts again.
        var again = (await fzu.PostAsync("/api/v1/volunteers", new RegisterVolunteer(IdNumber, new DateOnly(2024, 3, 1)))).ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        Assert.NotEqual(volunteer.PersonKey, again.PersonKey);
    }

    private static async Task<ProgressOverview> FiguresAsync(Actor reader) =>
        (await reader.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();

    private static decimal? Target(ProgressOverview figures, string code) => figures.Targets.Single(t => t.Code == code).Actual;

    /// <summary>The keyed hash of an ID number, computed here from the test secret as the service is documented to.</summary>
    private static string IdHash(string tenant, string idNumber) => Hmac($"{tenant}\u001f{idNumber}");

    private static string Lookup(string tenant, string purpose, string value) => Hmac($"lookup\u001f{tenant}\u001f{purpose}\u001f{value}");

    private static string Hmac(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppFixture.PersonKeySecret), Encoding.UTF8.GetBytes(text)));

    /// <summary>The text as written and as a JSON string escapes it.</summary>
    private static IEnumerable<string> Spellings(string text) => new[] { text, JsonSerializer.Serialize(text).Trim('"') }.Distinct();

    private Task<IReadOnlyList<string>> TablesHoldingAsync(IReadOnlyList<string> values) => StoredText.TablesHoldingAsync(app, values);
}
