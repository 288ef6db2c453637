using System.Net;
using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.BrowserTests.Verifying;

/// <summary>
/// A unit works through its queue on a phone: rejects a report with a reason (after the API asked for one), the
/// partner reads why on /report and amends it, the unit sees it resubmitted and verifies it; the dashboard's
/// figures follow. Each step is checked against the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VerifyPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private District _district = null!;
    private Actor _partner = null!;
    private Actor _school = null!;
    private Actor _education = null!;
    private Actor _auditor = null!;

    public async Task InitializeAsync()
    {
        _district = await browser.NewDistrictAsync();
        _partner = await _district.PartnerAsync("福州大学");
        _school = await _district.SchoolAsync("福州第一中学", SchoolStage.SeniorSecondary);
        // The education bureau leads ACT-02, the measure of lab open days.
        _education = await _district.UnitAsync("EDU", "区教育局");
        _auditor = await _district.AuditorAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid[]> QueueAsync(DeskPage unit) =>
        (await unit.Page.Locator("#queue li.item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.activity)")).Select(Guid.Parse).ToArray();

    private Task<ActivityDto> ActivityAsync(Guid id) => _education.Api.GetAsync<ActivityDto>($"/api/v1/activities/{id}");

    [Fact]
    public async Task A_unit_rejects_the_partner_amends_and_the_unit_verifies_and_the_dashboard_follows()
    {
        var lab = await _partner.ReportAsync("LAB-2024-01", "lab_open_day", "2024-05-20", new AudienceCounts(Youth: 120, Public: 30), "化学实验室开放日");
        var other = await _partner.ReportAsync("LAB-2024-02", "lab_open_day", "2024-06-01", new AudienceCounts(Youth: 40), "物理实验室开放日");
        var twice = await _school.ReportAsync("S-0520", "lab_open_day", "2024-05-20", new AudienceCounts(Youth: 45), "化学实验室开放日");

        await using var unit = await browser.OpenDeskAsync("/verify");
        await unit.SignInAsync(_education.Key, "queue:3");
        Assert.Equal("3", await unit.TextAsync("table.sizes tr[data-measure='ACT-02'] td[data-col=count]"));
        Assert.Equal([lab.Id, other.Id, twice.Id], await QueueAsync(unit));

        // The same lab day reported by the university and by the school is shown as a likely duplicate in its year.
        await unit.Page.SelectOptionAsync("#queue-year", "2024");
        await unit.Page.WaitForSelectorAsync("#duplicates section.group[data-day='2024-05-20']");
        Assert.Equal(new[] { lab.Id.ToString(), twice.Id.ToString() }.Order(),
            (await unit.Page.Locator("#duplicates section.group li.item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.activity)")).Order());
        await unit.CheckAsync("verify-01-queue");

        // A rejection without a reason is refused, and the API's message stands beside the reason.
        await unit.Page.ClickAsync($"#queue li[data-activity='{lab.Id}'] .item-title");
        await unit.WaitForViewAsync($"activity:{lab.Id}:1");
        await unit.CheckAsync("verify-02-activity");
        await unit.Page.CheckAsync("input[data-decision=rejected]");
        await unit.Page.ClickAsync("form[data-form=decision] button[type=submit]");
        await unit.Page.WaitForSelectorAsync("form[data-form=decision] [data-field=reason] p.error:not([hidden])");
        var refused = await _education.Api.PostAsync<System.Text.Json.JsonElement>($"/api/v1/activities/{lab.Id}/verification",
            new VerifyActivity(VerificationDecision.Rejected, ExpectedVersion: 1, ReasonCode: RejectionReason.Other), HttpStatusCode.BadRequest);
        Assert.Equal(DeskPage.ErrorsOf(refused, "reason"), await unit.ErrorOfAsync("decision", "reason"));
        Assert.Equal(ActivityStatus.Reported, (await ActivityAsync(lab.Id)).Status);
        await unit.CheckAsync("verify-03-reason-required");

        const string reason = "人次与签到表不符，请核对青少年人数。";
        await unit.Field("decision", "reason").FillAsync(reason);
        await unit.Page.ClickAsync("form[data-form=decision] button[type=submit]");
        await unit.WaitForViewAsync("queue:2");
        Assert.Equal("已驳回：化学实验室开放日", await unit.TextAsync("#message"));
        var rejected = await ActivityAsync(lab.Id);
        Assert.Equal((ActivityStatus.Rejected, reason, "EDU"), (rejected.Status, rejected.Verification!.Reason, rejected.Verification.UnitCode));

        // The partner reads why on its own page and amends the count.
        await using (var partner = await browser.OpenDeskAsync("/report"))
        {
            await partner.SignInAsync(_partner.Key, "list");
            Assert.Equal($"驳回原因：{reason}", await partner.TextAsync($"li[data-activity='{lab.Id}'][data-status=rejected] .reason"));
            await partner.CheckAsync("verify-04-partner-sees-rejection");
            await partner.Page.ClickAsync($"li[data-activity='{lab.Id}'] .item-title");
            await partner.WaitForViewAsync($"activity:{lab.Id}:2");
            await partner.OpenActionAsync("correction");
            await partner.Field("correction", "attendance.youth").FillAsync("95");
            await partner.Page.ClickAsync("form[data-form=correction] button[type=submit]");
            await partner.WaitForViewAsync($"activity:{lab.Id}:3");
            Assert.Equal("已补正待复核", await partner.TextAsync("#activity [data-status]"));
            partner.ShouldHaveRunCleanly();
        }

        Assert.Equal(ActivityStatus.Resubmitted, (await ActivityAsync(lab.Id)).Status);
        await unit.Page.ReloadAsync();
        await unit.WaitForViewAsync("queue:3");
        await unit.Page.WaitForSelectorAsync($"#queue li[data-activity='{lab.Id}'][data-status=resubmitted]");
        await unit.CheckAsync("verify-05-resubmitted");
        await unit.Page.ClickAsync($"#queue li[data-activity='{lab.Id}'] .item-title");
        await unit.WaitForViewAsync($"activity:{lab.Id}:3");
        Assert.Equal(["activity_reported", "activity_rejected", "activity_corrected"],
            await unit.Page.Locator("table.history tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.event)"));
        await unit.Page.ClickAsync("form[data-form=decision] button[type=submit]");
        await unit.WaitForViewAsync("queue:2");
        Assert.Equal("已核实：化学实验室开放日", await unit.TextAsync("#message"));
        Assert.Equal(ActivityStatus.Verified, (await ActivityAsync(lab.Id)).Status);
        Assert.Equal([other.Id, twice.Id], await QueueAsync(unit));
        Assert.Equal("2", await unit.TextAsync("table.sizes tr[data-measure='ACT-02'] td[data-col=count]"));
        unit.ShouldHaveRunCleanly();

        // The dashboard counts both reports and the one verified, with the amended person-times.
        await using var dashboard = await browser.OpenDashboardAsync();
        await dashboard.SignInAsync(_auditor.Key);
        var row = (await dashboard.RowsAsync("#institutions tbody tr", "institution"))[_partner.InstitutionId.ToString()];
        var progress = await _auditor.Api.GetAsync<UnitsOverview>("/api/v1/progress/units?waitForNonStale=true");
        var figures = Assert.Single(progress.Institutions, i => i.InstitutionId == _partner.InstitutionId);
        Assert.Equal((2, 1, 95 + 30 + 40), (figures.Official.Activities, figures.Verified.Activities, figures.Official.PersonTimes.Total));
        Assert.Equal(("2", "1", "165"), (row["activities"], row["verifiedActivities"], row["personTimes"]));
        dashboard.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task A_key_of_the_other_role_is_told_which_key_the_page_needs()
    {
        await using var verify = await browser.OpenDeskAsync("/verify");
        await verify.SignInAsync(_partner.Key, "error:role");
        Assert.Equal("此页面需要责任单位的密钥。", await verify.TextAsync("#message"));
        Assert.True(await verify.Page.IsHiddenAsync("#work"));

        await using var report = await browser.OpenDeskAsync("/report");
        await report.SignInAsync(_education.Key, "error:role");
        Assert.Equal("此页面需要合作单位的密钥。", await report.TextAsync("#message"));
        Assert.True(await report.Page.IsHiddenAsync("#work"));
        await report.CheckAsync("report-09-wrong-role");
        verify.ShouldHaveRunCleanly();
        report.ShouldHaveRunCleanly();
    }
}
