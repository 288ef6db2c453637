using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Volunteers;

/// <summary>Volunteers, registered by partners, are verified by the coordinating unit of the plan; a rejected one no longer counts.</summary>
[Collection(AppCollection.Name)]
public sealed class VolunteerVerificationTests(AppFixture app)
{
    [Fact]
    public async Task The_coordinating_unit_decides_and_the_figures_follow()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var cast = await district.UnitAsync("CAST");
        var education = await district.UnitAsync("EDU");
        var auditor = await district.AuditorAsync();
        var a = (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonA, new DateOnly(2022, 3, 1)))).As<VolunteerDto>().PersonKey;
        var b = (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(VolunteerTests.PersonB, new DateOnly(2022, 4, 1)))).As<VolunteerDto>().PersonKey;
        var verify = new VerifyRecord(VerificationDecision.Verified);
        var before = await district.EventCountAsync();

        (await education.PostAsync($"/api/v1/volunteers/{a}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        (await partner.PostAsync($"/api/v1/volunteers/{a}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync($"/api/v1/volunteers/{a}/verification", verify)).Problem(HttpStatusCode.Forbidden);
        (await cast.PostRawAsync($"/api/v1/volunteers/{a}/verification", """{"decision":"rejected"}""")).Problem(HttpStatusCode.BadRequest);
        (await cast.PostAsync($"/api/v1/volunteers/{new string('0', 64)}/verification", verify)).Problem(HttpStatusCode.NotFound);
        Assert.Equal(before, await district.EventCountAsync());

        var verified = (await cast.PostAsync($"/api/v1/volunteers/{a}/verification", verify)).ShouldBe(HttpStatusCode.OK).As<VolunteerDto>();
        (await cast.PostAsync($"/api/v1/volunteers/{b}/verification", new VerifyRecord(VerificationDecision.Rejected, "身份信息不符"))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((VerificationDecision.Verified, cast.InstitutionId), (verified.Verification!.Decision, verified.Verification.UnitId));
        var target = (await auditor.GetAsync("/api/v1/progress/targets/T-VOLUNTEERS?year=2022&waitForNonStale=true")).As<TargetProgressDto>();
        // A verified, B rejected: one volunteer, and verified.
        Assert.Equal((1m, 1m), (target.Actual, target.VerifiedActual));
        var listed = (await auditor.GetAsync(target.Drilldown)).As<PagedList<VolunteerDto>>();
        Assert.Equal([a], listed.Items.Select(v => v.PersonKey));
        // The partner sees the decision on its volunteer.
        var own = (await partner.GetAsync("/api/v1/volunteers")).As<PagedList<VolunteerDto>>();
        Assert.Equal("身份信息不符", own.Items.Single(v => v.PersonKey == b).Verification!.Reason);
    }
}
