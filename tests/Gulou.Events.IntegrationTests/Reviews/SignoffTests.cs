using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// A year's sign-off through the API: each responsible unit submits its own part, the coordinating unit (CAST)
/// returns or accepts it, the year closes once every part is accepted (or with an override that names the missing
/// units), and the whole history is kept, a reopening included.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SignoffTests(AppFixture app)
{
    [Fact]
    public async Task A_year_goes_submitted_returned_submitted_accepted_closed_and_reopened_with_its_history()
    {
        var district = await app.NewDistrictAsync();
        var codes = await ReviewSteps.SignoffUnitsAsync(district.Admin);
        var units = new Dictionary<string, Actor>();
        foreach (var code in codes)
        {
            units[code] = await district.UnitAsync(code);
        }

        var cast = units["CAST"];
        var edu = units["EDU"];
        var auditor = await district.AuditorAsync();

        var board = await Step(edu, "units/EDU/submission", new SignOffUnitYear("教育局2023年度材料"));
        Assert.Equal(SignoffState.Submitted, Unit(board, "EDU").State);
        Assert.Equal(edu.InstitutionId, Unit(board, "EDU").By);
        board = await Step(cast, "units/EDU/return", new ReturnUnitYear("缺少竞赛活动佐证"));
        Assert.Equal((SignoffState.Returned, "缺少竞赛活动佐证", cast.InstitutionId), (Unit(board, "EDU").State, Unit(board, "EDU").Reason, Unit(board, "EDU").By));
        board = await Step(edu, "units/EDU/submission", new SignOffUnitYear("已补充佐证"));
        Assert.Equal(SignoffState.Submitted, Unit(board, "EDU").State);
        board = await Step(cast, "units/EDU/acceptance", new SignOffUnitYear());
        Assert.Equal(SignoffState.Accepted, Unit(board, "EDU").State);
        Assert.All(board.Units.Where(u => u.UnitCode != "EDU"), u => Assert.Equal(SignoffState.NotSubmitted, u.State));

        // Not every part is accepted: the year does not close, and the answer names who is missing.
        var refused = await cast.PostAsync("/api/v1/reviews/2023/close", new CloseYear(DateTimeOffset.UtcNow));
        Assert.Equal(ErrorCodes.InvalidState, refused.Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(codes.Where(c => c != "EDU"), refused.Json().GetProperty("missingUnits").EnumerateArray().Select(u => u.GetString()));

        foreach (var code in codes.Where(c => c != "EDU"))
        {
            await Step(units[code], $"units/{code}/submission", new SignOffUnitYear());
            await Step(cast, $"units/{code}/acceptance", new SignOffUnitYear("同意"));
        }

        var closed = (await cast.PostAsync("/api/v1/reviews/2023/close", new CloseYear(DateTimeOffset.UtcNow))).ShouldBe(HttpStatusCode.Created).As<ClosedYearDto>();
        Assert.Empty(closed.MissingUnits!);
        Assert.Equal(cast.InstitutionId, closed.ClosedBy);

        var signoff = (await auditor.GetAsync("/api/v1/reviews/2023/signoff")).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>();
        Assert.Equal(("closed", "CAST"), (signoff.State, signoff.CoordinatingUnit));
        Assert.Equal(codes, signoff.Units.Select(u => u.UnitCode));
        Assert.All(signoff.Units, u => Assert.Equal(SignoffState.Accepted, u.State));
        Assert.All(signoff.Units, u => Assert.Equal(cast.InstitutionId, u.By));
        var eduSteps = signoff.History.Where(s => s.UnitCode == "EDU").ToList();
        Assert.Equal(["submitted", "returned", "submitted", "accepted"], eduSteps.Select(s => s.Action));
        Assert.Equal([edu.InstitutionId, cast.InstitutionId, edu.InstitutionId, cast.InstitutionId], eduSteps.Select(s => s.By!.Value));
        Assert.Equal(["教育局2023年度材料", "缺少竞赛活动佐证", "已补充佐证", null], eduSteps.Select(s => s.Reason));
        Assert.True(eduSteps.Zip(eduSteps.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.Equal("closed", signoff.History[^1].Action);
        Assert.Equal(codes.Count * 2 + 3, signoff.History.Count);

        // A closed year's sign-off stands still until it is reopened, with a reason.
        Assert.Equal(ErrorCodes.InvalidState, (await edu.PostAsync("/api/v1/reviews/2023/units/EDU/submission", new SignOffUnitYear())).Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(ErrorCodes.InvalidState, (await cast.PostAsync("/api/v1/reviews/2023/units/EDU/return", new ReturnUnitYear("再查"))).Problem(HttpStatusCode.Conflict).Code);
        Assert.Contains("reason", (await cast.PostAsync("/api/v1/reviews/2023/reopening", new ReopenYear(""))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        var reopened = (await cast.PostAsync("/api/v1/reviews/2023/reopening", new ReopenYear("审计发现竞赛人次重复计算"))).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>();
        Assert.Equal("open", reopened.State);
        Assert.Equal(("reopened", "审计发现竞赛人次重复计算"), (reopened.History[^1].Action, reopened.History[^1].Reason));
        Assert.Empty((await auditor.GetAsync("/api/v1/reviews")).As<List<ClosedYearDto>>());
        Assert.False((await auditor.GetAsync("/api/v1/reviews/2023/seal")).ShouldBe(HttpStatusCode.OK).As<YearSealDto>().Standing);
        Assert.Equal(ErrorCodes.InvalidState, (await cast.PostAsync("/api/v1/reviews/2023/reopening", new ReopenYear("again"))).Problem(HttpStatusCode.Conflict).Code);

        await Step(cast, "units/EDU/return", new ReturnUnitYear("请更正竞赛人次"));
        await Step(edu, "units/EDU/submission", new SignOffUnitYear("已更正"));
        await Step(cast, "units/EDU/acceptance", new SignOffUnitYear());
        (await district.Admin.PostAsync("/api/v1/reviews/2023/close", new CloseYear(DateTimeOffset.UtcNow))).ShouldBe(HttpStatusCode.Created);
        var final = (await auditor.GetAsync("/api/v1/reviews/2023/signoff")).As<YearSignoffDto>();
        Assert.Equal(["closed", "reopened", "returned", "submitted", "accepted", "closed"], final.History.TakeLast(6).Select(s => s.Action));
        Assert.True((await auditor.GetAsync("/api/v1/reviews/2023/seal")).As<YearSealDto>().Standing);
    }

    [Fact]
    public async Task Only_the_unit_submits_its_part_and_only_the_coordinating_unit_decides()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var edu = await district.UnitAsync("EDU");
        var health = await district.UnitAsync("HEALTH");
        var partner = await district.PartnerAsync();
        var auditor = await district.AuditorAsync();
        var before = await district.EventCountAsync();

        (await edu.PostAsync("/api/v1/reviews/2023/units/HEALTH/submission", new SignOffUnitYear())).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync("/api/v1/reviews/2023/units/EDU/submission", new SignOffUnitYear())).Problem(HttpStatusCode.Forbidden);
        (await edu.PostAsync("/api/v1/reviews/2023/units/NOPE/submission", new SignOffUnitYear())).Problem(HttpStatusCode.NotFound);
        Assert.Contains("year", (await edu.PostAsync("/api/v1/reviews/2019/units/EDU/submission", new SignOffUnitYear())).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        (await partner.GetAsync("/api/v1/reviews/2023/signoff")).Problem(HttpStatusCode.Forbidden);
        (await auditor.PostAsync("/api/v1/reviews/2023/close", new CloseYear(DateTimeOffset.UtcNow))).Problem(HttpStatusCode.Forbidden);
        (await health.PostAsync("/api/v1/reviews/2023/close", new CloseYear(DateTimeOffset.UtcNow))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(ErrorCodes.InvalidState, (await cast.PostAsync("/api/v1/reviews/2023/units/EDU/acceptance", new SignOffUnitYear())).Problem(HttpStatusCode.Conflict).Code);
        Assert.Equal(before, await district.EventCountAsync());

        await Step(edu, "units/EDU/submission", new SignOffUnitYear());
        (await health.PostAsync("/api/v1/reviews/2023/units/EDU/acceptance", new SignOffUnitYear())).Problem(HttpStatusCode.Forbidden);
        (await edu.PostAsync("/api/v1/reviews/2023/units/EDU/acceptance", new SignOffUnitYear())).Problem(HttpStatusCode.Forbidden);
        (await district.Admin.PostAsync("/api/v1/reviews/2023/units/EDU/return", new ReturnUnitYear("x"))).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("reason", (await cast.PostAsync("/api/v1/reviews/2023/units/EDU/return", new ReturnUnitYear(" "))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Equal(ErrorCodes.InvalidState, (await edu.PostAsync("/api/v1/reviews/2023/units/EDU/submission", new SignOffUnitYear())).Problem(HttpStatusCode.Conflict).Code);
        (await edu.GetAsync("/api/v1/reviews/2023/signoff")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_closing_without_every_unit_names_the_missing_units_and_keeps_them_on_the_year()
    {
        var district = await app.NewDistrictAsync();
        var cast = await district.UnitAsync("CAST");
        var edu = await district.UnitAsync("EDU");
        var codes = await ReviewSteps.SignoffUnitsAsync(cast);
        await Step(edu, "units/EDU/submission", new SignOffUnitYear());
        await Step(cast, "units/EDU/acceptance", new SignOffUnitYear());
        var missing = codes.Where(c => c != "EDU").ToList();
        var now = DateTimeOffset.UtcNow;

        Assert.Contains("missingUnits", (await cast.PostAsync("/api/v1/reviews/2023/close", new CloseYear(now, [.. missing.Skip(1)], "只差几个单位"))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("missingUnits", (await cast.PostAsync("/api/v1/reviews/2023/close", new CloseYear(now, codes, "多列了教育局"))).Problem(HttpStatusCode.BadRequest).Errors.Keys);
        Assert.Contains("overrideReason", (await cast.PostAsync("/api/v1/reviews/2023/close", new CloseYear(now, missing))).Problem(HttpStatusCode.BadRequest).Errors.Keys);

        var closed = (await cast.PostAsync("/api/v1/reviews/2023/close", new CloseYear(now, [.. missing.AsEnumerable().Reverse()], "市里要求本周报送"))).ShouldBe(HttpStatusCode.Created).As<ClosedYearDto>();
        Assert.Equal(missing, closed.MissingUnits);
        Assert.Equal("市里要求本周报送", closed.OverrideReason);
        var listed = Assert.Single((await cast.GetAsync("/api/v1/reviews")).As<List<ClosedYearDto>>());
        Assert.Equal(missing, listed.MissingUnits);
        var signoff = (await cast.GetAsync("/api/v1/reviews/2023/signoff")).As<YearSignoffDto>();
        Assert.Equal(missing, signoff.MissingUnits);
        Assert.Equal("市里要求本周报送", signoff.OverrideReason);
        Assert.Equal(missing, signoff.History[^1].Units);
    }

    private static async Task<YearSignoffDto> Step(Actor actor, string path, object body) =>
        (await actor.PostAsync($"/api/v1/reviews/2023/{path}", body)).ShouldBe(HttpStatusCode.OK).As<YearSignoffDto>();

    private static UnitSignoffDto Unit(YearSignoffDto board, string code) => board.Units.Single(u => u.UnitCode == code);
}
