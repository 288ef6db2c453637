using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

/// <summary>The same competition reported by its organiser and by each school: found, and rejected as duplicate_of.</summary>
[Collection(AppCollection.Name)]
public sealed class DuplicateTests(AppFixture app)
{
    private static readonly DateOnly Day = new(2023, 11, 18);

    [Fact]
    public async Task Likely_duplicates_are_grouped_and_a_duplicate_rejected_as_such_leaves_the_figures_and_its_group()
    {
        var district = await app.NewDistrictAsync();
        var organiser = await district.PartnerAsync("鼓楼区科技馆");
        var school1 = await district.PartnerAsync("福州第十六中学");
        var school2 = await district.PartnerAsync("鼓楼第一中心小学");
        var education = await district.UnitAsync("EDU");
        var original = await organiser.ReportAsync(Contest("ORG-1", "2023年鼓楼区青少年机器人竞赛", 300));
        var copy1 = await school1.ReportAsync(Contest("S1-1", "鼓楼区青少年机器人竞赛（2023）", 40));
        var copy2 = await school2.ReportAsync(Contest("S2-1", "２０２３年 鼓楼区青少年机器人竞赛！", 25));
        await school2.ReportAsync(Contest("S2-2", "青少年科技创新大赛", 25));
        await school1.ReportAsync(Contest("S1-2", "2023年鼓楼区青少年机器人竞赛", 40) with { OccurredOn = Day.AddDays(1) });

        var groups = (await education.GetAsync("/api/v1/activities/duplicates?year=2023")).ShouldBe(HttpStatusCode.OK).As<PagedList<DuplicateGroupDto>>();

        var group = Assert.Single(groups.Items);
        Assert.Equal([original.Id, copy1.Id, copy2.Id], group.Activities.Select(a => a.Id));
        Assert.Equal(("competition", Day), (group.Kind, group.OccurredOn));
        Assert.InRange(group.Similarity, 0.8m, 1m);

        var rejected = (await education.PostAsync($"/api/v1/activities/{copy1.Id}/verification",
            new VerifyActivity(VerificationDecision.Rejected, ReasonCode: RejectionReason.DuplicateOf, DuplicateOf: original.Id))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();

        Assert.Equal((ActivityStatus.Rejected, RejectionReason.DuplicateOf, original.Id), (rejected.Status, rejected.Verification!.ReasonCode!.Value, rejected.Verification.DuplicateOf!.Value));
        Assert.Equal([original.Id, copy2.Id], Assert.Single((await education.GetAsync("/api/v1/activities/duplicates?year=2023")).As<PagedList<DuplicateGroupDto>>().Items).Activities.Select(a => a.Id));
        await education.PostAsync($"/api/v1/activities/{copy2.Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "重复上报", ReasonCode: RejectionReason.DuplicateOf, DuplicateOf: original.Id));
        Assert.Empty((await education.GetAsync("/api/v1/activities/duplicates?year=2023")).As<PagedList<DuplicateGroupDto>>().Items);
        var target = (await education.GetAsync("/api/v1/progress/targets/T-COMPETITION?year=2023&waitForNonStale=true")).As<TargetProgressDto>();
        Assert.Equal(300 + 25 + 40, target.Actual);
    }

    [Fact]
    public async Task A_duplicate_of_itself_of_nothing_or_of_no_activity_is_refused_naming_the_field_and_changes_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var education = await district.UnitAsync("EDU");
        var activity = await partner.ReportAsync(Contest("C-1", "机器人竞赛", 30));
        var other = await app.NewDistrictAsync();
        var elsewhere = await (await other.PartnerAsync()).ReportAsync(Contest("C-9", "机器人竞赛", 30));
        var before = await district.EventCountAsync();
        var url = $"/api/v1/activities/{activity.Id}/verification";

        foreach (var duplicateOf in new Guid?[] { activity.Id, Guid.NewGuid(), elsewhere.Id, null })
        {
            var problem = (await education.PostAsync(url, new VerifyActivity(VerificationDecision.Rejected, ReasonCode: RejectionReason.DuplicateOf, DuplicateOf: duplicateOf)))
                .Problem(HttpStatusCode.BadRequest);
            Assert.Contains("duplicateOf", problem.Errors.Keys);
        }

        Assert.Contains("duplicateOf", (await education.PostAsync(url, new VerifyActivity(VerificationDecision.Rejected, "x", DuplicateOf: elsewhere.Id))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
        Assert.Contains("year", (await education.GetAsync("/api/v1/activities/duplicates")).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        (await partner.GetAsync("/api/v1/activities/duplicates?year=2023")).Problem(HttpStatusCode.Forbidden);
    }

    private static ReportActivity Contest(string reference, string title, int youth) =>
        new(reference, "competition", title, Day, Attendance: new AudienceCounts(Youth: youth));
}
