using System.Net;
using System.Text;
using Gulou.Events.BrowserTests.Infrastructure;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Volunteers;
using Microsoft.Playwright;

namespace Gulou.Events.BrowserTests.Reporting;

/// <summary>
/// A partner with only its key and a phone: reports an activity through the form (the API's messages beside the
/// fields first), opens it, corrects it, meets a change made elsewhere, attaches evidence and retracts it; imports a
/// CSV saved by a Chinese Excel (dry run, then for real) and downloads the template; registers a science volunteer and
/// lets one go. Each step is checked against the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private District _district = null!;
    private Actor _partner = null!;

    public async Task InitializeAsync()
    {
        _district = await browser.NewDistrictAsync();
        _partner = await _district.PartnerAsync("福州大学");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<PagedList<ActivityDto>> OwnActivitiesAsync() => _partner.Api.GetAsync<PagedList<ActivityDto>>("/api/v1/activities?pageSize=100");

    [Fact]
    public async Task A_partner_reports_corrects_meets_a_newer_version_attaches_evidence_and_retracts()
    {
        await using var page = await browser.OpenDeskAsync("/report");
        await page.CheckAsync("report-01-key");
        await page.SignInAsync(_partner.Key, "list");
        await page.CheckAsync("report-02-form");

        // Refused first: no title, and a day before the plan began. The page shows the API's own messages beside both.
        await page.Field("report", "externalRef").FillAsync("WEB-001");
        await page.Field("report", "kind").SelectOptionAsync("lab_open_day");
        Assert.True(await page.Page.IsCheckedAsync("form[data-form=report] input[data-measure='ACT-02']"), "the kind's default measure is ticked");
        await page.Field("report", "occurredOn").FillAsync("2019-05-20");
        await page.Field("report", "attendance.youth").FillAsync("120");
        await page.Page.ClickAsync("form[data-form=report] button[type=submit]");
        await page.Page.WaitForSelectorAsync("form[data-form=report] [data-field=title] p.error:not([hidden])");

        var refused = await _partner.Api.PostAsync<System.Text.Json.JsonElement>("/api/v1/activities",
            new ReportActivity("WEB-001", "lab_open_day", "", new DateOnly(2019, 5, 20), MeasureCodes: ["ACT-02"], Attendance: new AudienceCounts(Youth: 120)),
            HttpStatusCode.BadRequest);
        Assert.Equal(DeskPage.ErrorsOf(refused, "title"), await page.ErrorOfAsync("report", "title"));
        Assert.Equal(DeskPage.ErrorsOf(refused, "occurredOn"), await page.ErrorOfAsync("report", "occurredOn"));
        Assert.Equal("true", await page.Field("report", "title").GetAttributeAsync("aria-invalid"));
        Assert.Empty((await OwnActivitiesAsync()).Items);
        await page.CheckAsync("report-03-field-errors");

        await page.Field("report", "title").FillAsync("化学实验室开放日");
        await page.Field("report", "occurredOn").FillAsync("2024-05-20");
        await page.Field("report", "attendance.public").FillAsync("30");
        await page.Field("report", "venue").FillAsync("旗山校区");
        await page.Page.ClickAsync("form[data-form=report] button[type=submit]");
        await page.Page.WaitForSelectorAsync("#activities li.item[data-status=reported]");

        var reported = Assert.Single((await OwnActivitiesAsync()).Items);
        Assert.Equal(("WEB-001", "lab_open_day", "化学实验室开放日", new DateOnly(2024, 5, 20), "旗山校区"),
            (reported.ExternalRef, reported.Kind, reported.Title, reported.OccurredOn, reported.Venue));
        Assert.Equal(new AudienceCounts(Youth: 120, Public: 30), reported.Attendance);
        Assert.Equal(["ACT-02"], reported.MeasureCodes);
        Assert.Equal("已报送：化学实验室开放日", await page.TextAsync("#message"));

        // Open it and correct the youth count: the correction is made against version 1.
        await page.Page.ClickAsync($"li[data-activity='{reported.Id}'] .item-title");
        await page.WaitForViewAsync($"activity:{reported.Id}:1");
        await page.CheckAsync("report-04-activity");
        await page.OpenActionAsync("correction");
        await page.Field("correction", "attendance.youth").FillAsync("150");
        await page.Page.ClickAsync("form[data-form=correction] button[type=submit]");
        await page.WaitForViewAsync($"activity:{reported.Id}:2");
        var corrected = await _partner.Api.GetAsync<ActivityDto>($"/api/v1/activities/{reported.Id}");
        Assert.Equal((150, 30, 2L), (corrected.Attendance.Youth, corrected.Attendance.Public, corrected.Version));
        Assert.Equal("化学实验室开放日", corrected.Title);

        // Someone else with the same key adds attendance meanwhile: the page's evidence is made against version 2 and refused.
        await _partner.AmendAsync(corrected, "attendance", new RecordAttendance(2, Elderly: 5));
        await page.OpenActionAsync("evidence");
        await page.Field("evidence", "uri").FillAsync("https://files.example.org/fzu/web-001/sign-in.jpg");
        await page.Field("evidence", "description").FillAsync("签到现场");
        await page.Page.ClickAsync("form[data-form=evidence] button[type=submit]");
        await page.WaitForViewAsync($"activity:{reported.Id}:3");
        Assert.Equal("此活动刚被他人更改（现为版本 3）。下面是最新状态，请核对后重新提交。", await page.TextAsync("#message"));
        Assert.Contains("老年人 5", await page.TextAsync("dd[data-col=personTimes]"), StringComparison.Ordinal);
        Assert.Empty((await _partner.Api.GetAsync<ActivityDto>($"/api/v1/activities/{reported.Id}")).Evidence);
        await page.CheckAsync("report-05-conflict");

        // Sent again against the new version, it is stored.
        await page.OpenActionAsync("evidence");
        await page.Field("evidence", "uri").FillAsync("https://files.example.org/fzu/web-001/sign-in.jpg");
        await page.Page.ClickAsync("form[data-form=evidence] button[type=submit]");
        await page.WaitForViewAsync($"activity:{reported.Id}:4");
        var evidence = Assert.Single((await _partner.Api.GetAsync<ActivityDto>($"/api/v1/activities/{reported.Id}")).Evidence);
        Assert.Equal((EvidenceKind.Photo, "https://files.example.org/fzu/web-001/sign-in.jpg"), (evidence.Kind, evidence.Uri));
        Assert.Equal(1, await page.Page.Locator("ul.evidence li").CountAsync());

        await page.OpenActionAsync("retraction");
        await page.Field("retraction", "reason").FillAsync("与 WEB-002 为同一场活动，重复报送。");
        await page.Page.ClickAsync("form[data-form=retraction] button[type=submit]");
        await page.WaitForViewAsync($"activity:{reported.Id}:5");
        var retracted = await _partner.Api.GetAsync<ActivityDto>($"/api/v1/activities/{reported.Id}");
        Assert.Equal(ActivityStatus.Retracted, retracted.Status);
        Assert.Equal("已撤回", await page.TextAsync("#activity [data-status]"));
        Assert.Equal(0, await page.Page.Locator("#activity details[data-action]").CountAsync());
        Assert.Equal(["activity_reported", "activity_corrected", "attendance_recorded", "evidence_attached", "activity_retracted"],
            await page.Page.Locator("table.history tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.event)"));
        await page.CheckAsync("report-06-retracted");

        await page.Page.ClickAsync("#back");
        await page.WaitForViewAsync("list");
        await page.Page.WaitForSelectorAsync($"li[data-activity='{reported.Id}'][data-status=retracted]");
        page.ShouldHaveRunCleanly();
    }

    [Fact]
    public async Task A_csv_from_a_chinese_excel_is_tried_row_by_row_then_imported_and_the_template_downloads()
    {
        await using var page = await browser.OpenDeskAsync("/report");
        await page.SignInAsync(_partner.Key, "list");
        var before = (await OwnActivitiesAsync()).Total;

        // Excel's plain "CSV" on a Chinese system is GB18030: the page reads it as such and sends UTF-8.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "外部编号,活动类型,活动名称,活动日期,青少年,公众\r\n" +
                  "CSV-001,campus_lecture,走进化学：中学生科普讲座,2024-06-03,80,5\r\n" +
                  "CSV-002,lab_open_day,,2024-06-04,10,0\r\n";
        await page.Page.SetInputFilesAsync("#import-file", new FilePayload { Name = "活动.csv", MimeType = "text/csv", Buffer = Encoding.GetEncoding("GB18030").GetBytes(csv) });
        await page.Page.ClickAsync("#import-dry-run");
        await page.Page.WaitForSelectorAsync("body[data-import=dry-run]");

        Assert.Contains("GB18030", await page.TextAsync("#import-read"), StringComparison.Ordinal);
        Assert.Equal("试导入（未保存）：新增 1，重复 0，冲突 0，不通过 1。", await page.TextAsync(".import-summary"));
        Assert.Equal("新增", await page.TextAsync("tr[data-line='2'][data-outcome=created] td[data-col=outcome]"));
        Assert.StartsWith("title:", await page.TextAsync("tr[data-line='3'][data-outcome=rejected] td[data-col=reason]"), StringComparison.Ordinal);
        Assert.Equal(before, (await OwnActivitiesAsync()).Total);
        await page.CheckAsync("report-07-import-dry-run");

        await page.Page.ClickAsync("#import-commit");
        await page.Page.WaitForSelectorAsync("body[data-import=committed]");
        Assert.Equal("已导入：新增 1，重复 0，冲突 0，不通过 1。", await page.TextAsync(".import-summary"));
        var imported = Assert.Single((await OwnActivitiesAsync()).Items, a => a.ExternalRef == "CSV-001");
        Assert.Equal(("走进化学：中学生科普讲座", 80, 5), (imported.Title, imported.Attendance.Youth, imported.Attendance.Public));
        Assert.Equal(before + 1, (await OwnActivitiesAsync()).Total);
        await page.Page.WaitForSelectorAsync($"li[data-activity='{imported.Id}']");
        await page.CheckAsync("report-08-imported");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync("#import-template"));
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], template[..3]);
        Assert.StartsWith("外部编号,活动类型", Encoding.UTF8.GetString(template[3..]), StringComparison.Ordinal);
        page.ShouldHaveRunCleanly();
    }
    [Fact]
    public async Task A_partner_registers_a_volunteer_by_id_number_and_lets_the_volunteer_go()
    {
        await using var page = await browser.OpenDeskAsync("/report");
        await page.SignInAsync(_partner.Key, "list");
        await page.Page.WaitForSelectorAsync("form[data-form=volunteer]");

        // A number that fails its check digit: the API's message beside the field, nothing registered.
        await page.Field("volunteer", "idNumber").FillAsync("350102199003071235");
        await page.Field("volunteer", "registeredOn").FillAsync("2024-03-01");
        await page.Page.ClickAsync("form[data-form=volunteer] button[type=submit]");
        await page.Page.WaitForSelectorAsync("form[data-form=volunteer] [data-field=idNumber] p.error:not([hidden])");
        var refused = await _partner.Api.PostAsync<System.Text.Json.JsonElement>("/api/v1/volunteers",
            new RegisterVolunteer("350102199003071235", new DateOnly(2024, 3, 1)), HttpStatusCode.BadRequest);
        Assert.Equal(DeskPage.ErrorsOf(refused, "idNumber"), await page.ErrorOfAsync("volunteer", "idNumber"));
        Assert.Empty((await _partner.Api.GetAsync<PagedList<VolunteerDto>>("/api/v1/volunteers")).Items);

        await page.Field("volunteer", "idNumber").FillAsync("350102199003071234");
        await page.Page.ClickAsync("form[data-form=volunteer] button[type=submit]");
        await page.Page.WaitForSelectorAsync("#volunteers li.item[data-active=true]");
        var registered = Assert.Single((await _partner.Api.GetAsync<PagedList<VolunteerDto>>("/api/v1/volunteers")).Items);
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(registered.Registrations).RegisteredOn);
        Assert.DoesNotContain("350102199003071234", await page.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(registered.PersonKey, await page.Page.GetAttributeAsync("#volunteers li.item", "data-volunteer"));
        await page.CheckAsync("report-09-volunteers");

        await page.Page.ClickAsync("#volunteers details[data-action=deregistration] summary");
        await page.Field("deregistration", "leftOn").FillAsync("2025-06-30");
        await page.Field("deregistration", "reason").FillAsync("调离本单位");
        await page.Page.ClickAsync("form[data-form=deregistration] button[type=submit]");
        await page.Page.WaitForSelectorAsync("#volunteers li.item[data-active=false]");
        var left = Assert.Single((await _partner.Api.GetAsync<PagedList<VolunteerDto>>("/api/v1/volunteers")).Items);
        Assert.Equal(new DateOnly(2025, 6, 30), Assert.Single(left.Registrations).LeftOn);
        Assert.False(left.Active);
        page.ShouldHaveRunCleanly();
    }
}
