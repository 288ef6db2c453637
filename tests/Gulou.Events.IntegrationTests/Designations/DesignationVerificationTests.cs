using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Designations;

/// <summary>
/// Who may verify a designation (a unit answering for its target, never the one that recorded it), what a refusal
/// leaves behind (nothing), and the teacher's subject and the revocation for cause that T-TEACHERS and T-STUDIOS read.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DesignationVerificationTests(AppFixture app)
{
    private static RecordDesignation Teacher(string key, int year = 2022, string? subject = "physics") =>
        new(DesignationKind.BackboneTeacher, key, DesignationLevel.District, new DateOnly(year, 9, 1), TeachingSubject: subject);

    [Fact]
    public async Task A_unit_answering_for_the_target_verifies_and_the_recorder_or_anyone_else_is_refused_without_a_trace()
    {
        var district = await app.NewDistrictAsync();
        var education = await district.UnitAsync("EDU");
        var cast = await district.UnitAsync("CAST");
        var civilization = await district.UnitAsync("CIVILIZATION");
        var health = await district.UnitAsync("HEALTH");
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        var first = (await education.PostAsync("/api/v1/designations", Teacher("T-1"))).ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        var second = (await education.PostAsync("/api/v1/designations", Teacher("T-2"))).ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        var verify = new VerifyDesignation(VerificationDecision.Verified);
        var before = await district.EventCountAsync();

        var own = (await education.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("recorded itself", own.Detail, StringComparison.Ordinal);
        (await health.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        (await partner.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        (await auditor.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(before, await district.EventCountAsync());

        // The coordinating unit, and a participating unit of the target's measure (区委文明办 in ACT-04), may.
        var verified = (await cast.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        var rejected = (await civilization.PostAsync($"/api/v1/designations/{second.Id}/verification", new VerifyDesignation(VerificationDecision.Rejected, "非本区在编教师")))
            .ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        var again = await district.EventCountAsync();
        (await cast.PostAsync($"/api/v1/designations/{first.Id}/verification", verify)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(again, await district.EventCountAsync());

        var award = Assert.Single(verified.Awards).Verification!;
        Assert.Equal((VerificationDecision.Verified, cast.InstitutionId), (award.Decision, award.UnitId));
        Assert.Equal(("非本区在编教师", civilization.InstitutionId), (rejected.Awards.Single().Verification!.Reason, rejected.Awards.Single().Verification!.UnitId));
        var teachers = (await auditor.GetAsync("/api/v1/progress/targets/T-TEACHERS?year=2022&waitForNonStale=true")).As<TargetProgressDto>();
        // T-1 verified, T-2 rejected: one teacher officially, the same one verified.
        Assert.Equal((1m, 1m), (teachers.Actual, teachers.VerifiedActual));
    }

    [Theory]
    [InlineData("""{"reason":"x"}""", "decision")]
    [InlineData("""{"decision":"maybe"}""", "decision")]
    [InlineData("""{"decision":"rejected"}""", "reason")]
    [InlineData("""{"decision":"verified","level":"galaxy"}""", "level")]
    [InlineData("""{"decision":"verified","expectedVersion":1}""", "expectedVersion")]
    public async Task A_bad_decision_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        var district = await app.NewDistrictAsync();
        var education = await district.UnitAsync("EDU");
        var cast = await district.UnitAsync("CAST");
        var teacher = (await education.PostAsync("/api/v1/designations", Teacher("T-1"))).As<DesignationDto>();
        var before = await district.EventCountAsync();

        var problem = (await cast.PostRawAsync($"/api/v1/designations/{teacher.Id}/verification", body)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
        (await cast.PostAsync($"/api/v1/designations/{Guid.NewGuid()}/verification", new VerifyDesignation(VerificationDecision.Verified))).Problem(HttpStatusCode.NotFound);
        (await cast.PostAsync($"/api/v1/designations/{teacher.Id}/verification", new VerifyDesignation(VerificationDecision.Verified, Level: DesignationLevel.City))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Theory]
    [InlineData("""{"kind":"backbone_teacher","subjectKey":"T","level":"district","awardedOn":"2022-09-01"}""")]
    [InlineData("""{"kind":"backbone_teacher","subjectKey":"T","level":"district","awardedOn":"2022-09-01","teachingSubject":"chinese"}""")]
    [InlineData("""{"kind":"science_base","subjectKey":"B","level":"city","awardedOn":"2022-09-01","teachingSubject":"physics"}""")]
    public async Task A_teacher_is_designated_in_a_science_subject_of_the_plan_and_only_a_teacher_has_one(string body)
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var before = await district.EventCountAsync();

        var problem = (await cast.PostRawAsync("/api/v1/designations", body)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("teachingSubject", problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task Designated_again_with_another_subject_the_teacher_takes_it_and_waits_for_a_new_decision()
    {
        var district = await app.NewDistrictAsync();
        var education = await district.UnitAsync("EDU");
        var cast = await district.UnitAsync("CAST");
        var teacher = (await education.PostAsync("/api/v1/designations", Teacher("T-1"))).As<DesignationDto>();
        (await cast.PostAsync($"/api/v1/designations/{teacher.Id}/verification", new VerifyDesignation(VerificationDecision.Verified))).ShouldBe(HttpStatusCode.OK);

        var changed = (await education.PostAsync("/api/v1/designations", Teacher("T-1", subject: "chemistry"))).ShouldBe(HttpStatusCode.OK).As<DesignationDto>();

        Assert.Equal(("chemistry", teacher.Id), (changed.TeachingSubject, changed.Id));
        Assert.Null(Assert.Single(changed.Awards).Verification);
    }

    [Fact]
    public async Task A_revocation_for_cause_takes_a_teacher_or_studio_out_and_an_ended_term_does_not()
    {
        var district = await app.NewDistrictAsync();
        var education = await district.UnitAsync("EDU");
        var union = await district.UnitAsync("UNION");
        var auditor = await district.AuditorAsync();
        var ended = (await education.PostAsync("/api/v1/designations", Teacher("T-1", 2021))).As<DesignationDto>();
        var cause = (await education.PostAsync("/api/v1/designations", Teacher("T-2", 2021))).As<DesignationDto>();
        var studio = (await union.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ModelWorkerStudio, "S-1", DesignationLevel.District, new DateOnly(2022, 5, 1)))).As<DesignationDto>();
        var oldStudio = (await union.PostAsync("/api/v1/designations", new RecordDesignation(DesignationKind.ModelWorkerStudio, "S-0", DesignationLevel.City, new DateOnly(2020, 5, 1)))).As<DesignationDto>();

        (await education.PostAsync($"/api/v1/designations/{ended.Id}/revocation", new RevokeDesignation("任期届满", new DateOnly(2023, 8, 31), ForCause: false))).ShouldBe(HttpStatusCode.OK);
        (await education.PostAsync($"/api/v1/designations/{cause.Id}/revocation", new RevokeDesignation("评选材料不实", new DateOnly(2023, 3, 1)))).ShouldBe(HttpStatusCode.OK);
        (await union.PostAsync($"/api/v1/designations/{studio.Id}/revocation", new RevokeDesignation("挂名未运行", new DateOnly(2024, 3, 1), ForCause: true))).ShouldBe(HttpStatusCode.OK);

        async Task<decimal> Figure(string code, int year) =>
            (await auditor.GetAsync($"/api/v1/progress/targets/{code}?year={year}&waitForNonStale=true")).As<TargetProgressDto>().Actual;
        // Two teachers of the period; the one revoked for cause leaves in 2023, the one whose term ended stays.
        Assert.Equal(2m, await Figure("T-TEACHERS", 2022));
        Assert.Equal(1m, await Figure("T-TEACHERS", 2023));
        // S-0 was created before the plan; S-1 within it, revoked for cause in 2024.
        Assert.Equal(1m, await Figure("T-STUDIOS", 2023));
        Assert.Equal(0m, await Figure("T-STUDIOS", 2024));

        var removed = (await auditor.GetAsync("/api/v1/designations?target=T-TEACHERS&year=2025&removed=true")).ShouldBe(HttpStatusCode.OK).As<PagedList<DesignationDto>>();
        var revoked = Assert.Single(removed.Items);
        Assert.Equal(("T-2", "评选材料不实", true), (revoked.SubjectKey, revoked.Awards.Single().RevocationReason, revoked.Awards.Single().RevokedForCause!.Value));
        Assert.Equal(["T-1"], (await auditor.GetAsync("/api/v1/designations?target=T-TEACHERS&year=2025")).As<PagedList<DesignationDto>>().Items.Select(d => d.SubjectKey));
        _ = oldStudio;
        (await auditor.GetAsync("/api/v1/designations?target=T-TEACHERS&counted=maybe")).Problem(HttpStatusCode.BadRequest);
    }
}
