using System.Net;
using System.Text;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Activities;

public sealed class ImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Import = "/api/v1/activities/import";
    private const string ChineseHeader = "外部编号,活动类型,措施编号,活动名称,活动日期,结束日期,地点,社区,青少年,产业工人,老年人,领导干部和公务员,公众,志愿服务时长";
    private const string EnglishHeader = "externalRef,kind,title,occurredOn,youth,public";

    private static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static async Task<ImportResult> ImportAsync(Actor partner, string csv, bool dryRun = false) =>
        (await partner.PostRawAsync(dryRun ? $"{Import}?dryRun=true" : Import, csv, "text/csv")).ShouldBe(HttpStatusCode.OK).As<ImportResult>();

    [Fact]
    public async Task A_spreadsheet_with_a_bom_chinese_headers_quotes_and_blank_lines_is_imported_row_by_row()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var csv = "\uFEFF" + Csv(
            ChineseHeader,
            "FZU-1,lab_open_day,ACT-02,化学实验室开放日,2023-05-20,,旗山校区,,120,0,0,0,10,0",
            "",
            "FZU-2,campus_lecture,ACT-01；PRJ-02,\"讲座：光, 电与“磁”\",2023/6/1,,\"鼓楼区科技馆 \"\"二楼\"\"\",鼓东街道,80,,,,20,",
            ",,,,,,,,,,,,,",
            "FZU-3,competition,,\"机器人竞赛\r\n决赛\",2023-07-01,,,,300,,,,,",
            "FZU-4,competition,,青少年机器人竞赛,2023年7月1日,2023年7月2日,,,300,,,,,");

        var result = await ImportAsync(partner, csv);

        Assert.False(result.DryRun);
        Assert.Equal([2, 4, 6, 8], result.Items.Select(i => i.Line));
        Assert.Equal([ReportOutcome.Created, ReportOutcome.Created, ReportOutcome.Rejected, ReportOutcome.Created], result.Items.Select(i => i.Outcome));
        Assert.Equal(new OutcomeCounts(3, 0, 0, 1), result.Counts);
        Assert.Equal(["title"], result.Items[2].Errors!.Keys);
        var lecture = await partner.ActivityAsync(result.Items[1].Id!.Value);
        Assert.Equal(("FZU-2", "讲座：光, 电与“磁”", "鼓楼区科技馆 \"二楼\"", "鼓东街道"), (lecture.ExternalRef, lecture.Title, lecture.Venue, lecture.Community));
        Assert.Equal(["ACT-01", "PRJ-02"], lecture.MeasureCodes);
        Assert.Equal(new AudienceCounts(Youth: 80, Public: 20), lecture.Attendance);
        Assert.Equal(new DateOnly(2023, 7, 2), (await partner.ActivityAsync(result.Items[3].Id!.Value)).EndsOn);
    }

    [Fact]
    public async Task The_host_column_names_a_registered_institution_and_anything_else_is_rejected_by_its_column()
    {
        var district = await app.NewDistrictAsync();
        var school = await district.RegisterAsync("福州第十六中学", Contracts.Role.Partner, Contracts.Institutions.InstitutionKind.School);
        var university = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var result = await ImportAsync(school, Csv(
            "externalRef,kind,title,occurredOn,youth,承办单位编号",
            $"VISIT-1,lab_open_day,走进福大化学实验室,2023-05-20,40,{university.InstitutionId}",
            $"VISIT-2,lab_open_day,走进福大物理实验室,2023-05-21,40,{Guid.NewGuid()}",
            "VISIT-3,lab_open_day,走进实验室,2023-05-22,40,福州大学",
            "VISIT-4,lab_open_day,校内实验室开放,2023-05-23,40,"));

        Assert.Equal([ReportOutcome.Created, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Created], result.Items.Select(i => i.Outcome));
        Assert.Equal(["hostInstitutionId"], result.Items[1].Errors!.Keys);
        Assert.Equal(["hostInstitutionId"], result.Items[2].Errors!.Keys);
        Assert.Equal(university.InstitutionId, (await school.ActivityAsync(result.Items[0].Id!.Value)).HostInstitutionId);
        Assert.Null((await school.ActivityAsync(result.Items[3].Id!.Value)).HostInstitutionId);
        Assert.Equal(before + 2, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_row_is_stored_as_the_same_activity_as_its_json_report()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var reported = await partner.ReportAsync(Reports.LabOpenDay("SAME-1"));

        var result = await ImportAsync(partner, Csv(EnglishHeader, "SAME-1,lab_open_day,化学实验室开放日,2023-05-20,120,10"));

        Assert.Equal((ReportOutcome.Conflict, reported.Id), (result.Items[0].Outcome, result.Items[0].Id));
        var withVenue = await ImportAsync(partner, Csv("externalRef,kind,title,occurredOn,venue,youth,public", "SAME-1,lab_open_day,化学实验室开放日,2023-05-20,旗山校区,120,10"));
        Assert.Equal((ReportOutcome.Duplicate, reported.Id), (withVenue.Items[0].Outcome, withVenue.Items[0].Id));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_line_and_columns_and_the_others_are_stored()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var result = await ImportAsync(partner, Csv(
            EnglishHeader,
            "OK-1,competition,机器人竞赛,2023-05-20,40,0",
            "BAD-1,party,联欢会,2023-05-20,40,0",
            "BAD-2,competition,竞赛,20/05/2023,很多,-1",
            "BAD-3,competition,竞赛,2023-05-20",
            "BAD-4,competition,竞赛,2023-05-20,1,2,3",
            ",competition,,2019-01-01,,",
            "OK-2,competition,机器人竞赛,2023-05-21,40,0"));

        Assert.Equal(
            [ReportOutcome.Created, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Rejected, ReportOutcome.Created],
            result.Items.Select(i => i.Outcome));
        Assert.Equal(Enumerable.Range(2, 7), result.Items.Select(i => i.Line));
        Assert.Equal(["kind"], result.Items[1].Errors!.Keys);
        Assert.Equal(["occurredOn", "public", "youth"], result.Items[2].Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("has 4 values; the header names 6 columns", result.Items[3].Errors!["row"][0], StringComparison.Ordinal);
        Assert.Contains("row", result.Items[4].Errors!.Keys);
        Assert.Equal(["externalRef", "occurredOn", "title"], result.Items[5].Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("BAD-1", result.Items[1].ExternalRef);
        Assert.Equal(before + 2, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_dry_run_answers_as_the_import_would_and_stores_nothing()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        await partner.ReportAsync(Reports.Competition("TAKEN", 10, new DateOnly(2023, 1, 5)));
        var csv = Csv(
            EnglishHeader,
            "NEW-1,competition,竞赛,2023-05-20,40,0",
            "TAKEN,competition,竞赛,2023-05-20,40,0",
            "NEW-1,competition,竞赛,2023-05-20,40,0",
            "NEW-1,competition,竞赛,2023-05-20,41,0",
            "NEW-2,competition,竞赛,2023-05-20,x,0");
        var before = await district.EventCountAsync();

        var dry = await ImportAsync(partner, csv, dryRun: true);

        Assert.True(dry.DryRun);
        Assert.Equal(before, await district.EventCountAsync());
        var real = await ImportAsync(partner, csv);
        Assert.Equal(dry.Items.Select(i => (i.Line, i.Outcome, i.Id)), real.Items.Select(i => (i.Line, i.Outcome, i.Id)));
        Assert.Equal(new OutcomeCounts(1, 1, 2, 1), real.Counts);
        Assert.Equal(before + 1, await district.EventCountAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_again_stores_nothing_more()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var csv = Csv([EnglishHeader, .. Enumerable.Range(1, 30).Select(i => $"R-{i},competition,竞赛 {i},2023-05-{i % 28 + 1:00},{i},0")]);

        var first = await ImportAsync(partner, csv);
        var events = await district.EventCountAsync();
        var second = await ImportAsync(partner, csv);

        Assert.Equal(new OutcomeCounts(30, 0, 0, 0), first.Counts);
        Assert.Equal(new OutcomeCounts(0, 30, 0, 0), second.Counts);
        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.Equal(events, await district.EventCountAsync());
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "", "malformed_csv", "body" },
        { "\r\n\r\n", "malformed_csv", "body" },
        { Csv(EnglishHeader), "malformed_csv", "body" },
        { Csv(EnglishHeader, "A,competition,\"竞赛,2023-05-20,1,1", "B,competition,竞赛,2023-05-20,1,1"), "malformed_csv", "body" },
        { Csv(EnglishHeader, "A,competition,\"竞赛\"x,2023-05-20,1,1"), "malformed_csv", "body" },
        { Csv("externalRef,kind,title,occurredOn,参与人数", "A,competition,竞赛,2023-05-20,1"), "validation_failed", "header" },
        { Csv("externalRef,kind,title", "A,competition,竞赛"), "validation_failed", "header" },
        { Csv("externalRef,kind,title,occurredOn,title", "A,competition,竞赛,2023-05-20,x"), "validation_failed", "header" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_a_readable_import_is_refused_whole_and_changes_nothing(string csv, string code, string field)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();

        var problem = (await partner.PostRawAsync(Import, csv, "text/csv")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_broken_quote_is_refused_with_the_line_it_opened_on()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var problem = (await partner.PostRawAsync(Import, Csv(EnglishHeader, "A,competition,竞赛,2023-05-20,1,1", "B,competition,\"竞赛,2023-05-20,1,1"), "text/csv"))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains("starts on line 3", problem.Errors["body"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_in_another_encoding_is_refused_at_its_first_line_that_is_not_utf8()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        byte[] gbk = [.. Encoding.UTF8.GetBytes(Csv(EnglishHeader, "A,competition,ok,2023-05-20,1,1")), .. "B,competition,"u8, 0xC4, 0xE3, 0xBA, 0xC3, .. ",2023-05-20,1,1\r\n"u8];

        var response = await new ApiClient(app.Host, partner.Key).SendAsync(HttpMethod.Post, Import, gbk, new Dictionary<string, string> { ["Content-Type"] = "text/csv" });

        var problem = response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal("malformed_csv", problem.Code);
        Assert.Contains("Line 3 is not UTF-8", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("text/csv; charset=gbk")]
    public async Task Only_utf8_csv_is_taken(string contentType)
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var problem = (await partner.PostRawAsync(Import, Csv(EnglishHeader, "A,competition,竞赛,2023-05-20,1,1"), contentType)).Problem(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("unsupported_media_type", problem.Code);
    }

    [Fact]
    public async Task A_file_of_more_than_a_hundred_thousand_rows_is_refused_whole()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        var before = await district.EventCountAsync();
        var csv = new StringBuilder("externalRef,kind,title,occurredOn\n");
        for (var i = 0; i <= 100_000; i++)
        {
            csv.Append("R-").Append(i).Append(",competition,t,2023-05-20\n");
        }

        var problem = (await partner.PostRawAsync(Import, csv.ToString(), "text/csv")).Problem(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("payload_too_large", problem.Code);
        Assert.Contains("more than 100000 rows", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await district.EventCountAsync());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();
        using var http = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Import) { Content = new StreamContent(new RepeatingStream("A,competition,t,2023-05-20\n"u8.ToArray(), 65L * 1024 * 1024)) };
        request.Headers.Add("X-Api-Key", partner.Key);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        request.Content.Headers.ContentLength = 65L * 1024 * 1024;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("payload_too_large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_is_a_utf8_csv_with_a_bom_whose_example_row_imports()
    {
        var district = await app.NewDistrictAsync();
        var partner = await district.PartnerAsync();

        var response = (await partner.GetAsync("/api/v1/activities/import/template")).ShouldBe(HttpStatusCode.OK);

        Assert.StartsWith("text/csv", response.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF" + ChineseHeader + ",承办单位编号\r\n", response.Body, StringComparison.Ordinal);
        var result = await ImportAsync(partner, response.Body, dryRun: true);
        Assert.Equal(ReportOutcome.Created, result.Items.Single().Outcome);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_csv_body_and_both_answers()
    {
        var paths = (await app.Anonymous.GetAsync("/swagger/v1/swagger.json")).Json().GetProperty("paths");
        var import = paths.GetProperty(Import).GetProperty("post");
        var template = paths.GetProperty($"{Import}/template").GetProperty("get");

        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.Contains("ImportResult", import.GetProperty("responses").GetProperty("200").GetRawText(), StringComparison.Ordinal);
        Assert.True(template.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));
    }

    /// <summary><paramref name="length"/> bytes that repeat a pattern.</summary>
    private sealed class RepeatingStream(byte[] pattern, long length) : GeneratedStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = pattern[(Position + i) % pattern.Length];
            }

            Position += n;
            return n;
        }
    }
}
