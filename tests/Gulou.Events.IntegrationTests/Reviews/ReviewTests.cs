using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.IntegrationTests.Infrastructure;

namespace Gulou.Events.IntegrationTests.Reviews;

/// <summary>
/// A history with changes on both sides of a cut-off: the year as known at the cut-off must equal a computation
/// over what was posted before it, the year as known now one over everything, and the differences must name
/// exactly the records changed after the cut-off, with what changed.
/// </summary>
public sealed class ReviewTests(AppFixture app) : IAsyncLifetime, IClassFixture<AppFixture>
{
    private District _district = null!;
    private Actor _fzu = null!, _school = null!, _education = null!, _auditor = null!;
    private readonly Dictionary<string, ActivityDto> _a = [];
    private DateTimeOffset _cutoff;

    public async Task InitializeAsync()
    {
        _district = await app.NewDistrictAsync();
        _fzu = await _district.PartnerAsync("福州大学");
        _school = await _district.PartnerAsync("福州第十六中学");
        _education = await _district.UnitAsync("EDU");
        _auditor = await _district.AuditorAsync();

        await Report(_fzu, "a", "competition", "2023-03-01", youth: 5000);
        await Report(_fzu, "b", "lab_open_day", "2023-04-01", youth: 40);
        await Report(_school, "c", "competition", "2023-05-01", youth: 1000);
        await Report(_school, "e", "competition", "2023-06-01", youth: 300);
        await Report(_school, "f", "competition", "2023-12-31", youth: 200);
        await Report(_school, "g", "competition", "2023-07-01", youth: 50);

        await Task.Delay(50);
        _cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(50);

        await Report(_fzu, "d", "competition", "2023-10-01", youth: 700);
        await Amend(_fzu, "a", "corrections", v => new CorrectActivity(v, Attendance: new AudienceCounts(Youth: 4500)));
        await Amend(_school, "c", "retraction", v => new RetractActivity(v, "重复"));
        (await _education.PostAsync($"/api/v1/activities/{_a["b"].Id}/verification", new VerifyActivity(VerificationDecision.Verified))).ShouldBe(HttpStatusCode.OK);
        (await _education.PostAsync($"/api/v1/activities/{_a["e"].Id}/verification", new VerifyActivity(VerificationDecision.Rejected, "无佐证"))).ShouldBe(HttpStatusCode.OK);
        await Amend(_school, "f", "corrections", v => new CorrectActivity(v, OccurredOn: new DateOnly(2024, 1, 1)));
        await Amend(_school, "g", "evidence", v => new AttachEvidence(v, EvidenceKind.Photo, "https://example.org/g.jpg", ContainsMinors: false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_year_as_known_at_the_cutoff_and_now_and_what_changed_between()
    {
        var review = (await _auditor.GetAsync($"/api/v1/reviews/2023?asOf={Uri.EscapeDataString(_cutoff.ToString("O"))}")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();

        decimal Known(string code) => review.AsKnown.Targets.Single(t => t.Code == code).Actual;
        decimal Now(string code) => review.Current.Targets.Single(t => t.Code == code).Actual;
        Assert.Equal(5000 + 1000 + 300 + 200 + 50, Known("T-COMPETITION"));
        Assert.Equal(4500 + 50 + 700, Now("T-COMPETITION"));
        Assert.Equal(0, review.AsKnown.Targets.Single(t => t.Code == "T-LAB-OPEN").VerifiedActual);
        Assert.Equal(1, review.Current.Targets.Single(t => t.Code == "T-LAB-OPEN").VerifiedActual);
        Assert.Equal(5, review.AsKnown.Measures.Single(m => m.Code == "ACT-03").Official.Activities);
        Assert.Equal(3, review.Current.Measures.Single(m => m.Code == "ACT-03").Official.Activities);

        var changes = review.Differences.ToDictionary(d => d.Id, d => d.Changes);
        Assert.Equal(new Dictionary<Guid, IReadOnlyList<string>>
        {
            [_a["a"].Id] = ["correction"],
            [_a["b"].Id] = ["verification"],
            [_a["c"].Id] = ["retraction"],
            [_a["d"].Id] = ["late_report"],
            [_a["e"].Id] = ["rejection"],
            [_a["f"].Id] = ["correction"],
        }, changes);
        Assert.All(review.Differences, d => Assert.True(d.FirstChangedAt > _cutoff));
        Assert.All(review.Differences, d => Assert.Equal("activity", d.Record));
        var correction = review.Differences.Single(d => d.Id == _a["a"].Id);
        Assert.Equal($"/api/v1/activities/{_a["a"].Id}/history", correction.History);
        Assert.Equal(("competition a", _fzu.InstitutionId), (correction.Label, correction.InstitutionId));
    }

    [Fact]
    public async Task Without_a_cutoff_the_year_is_as_known_now_and_equals_the_live_progress()
    {
        var review = (await _auditor.GetAsync("/api/v1/reviews/2023")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();
        var live = (await _auditor.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();

        Assert.Empty(review.Differences);
        Assert.Equal(live.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)), review.Current.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual)));
        Assert.Equal(review.AsKnown.Targets.Select(t => t.Actual), review.Current.Targets.Select(t => t.Actual));
    }

    [Fact]
    public async Task The_plan_review_covers_every_year()
    {
        var review = (await _auditor.GetAsync($"/api/v1/reviews/plan?asOf={Uri.EscapeDataString(_cutoff.ToString("O"))}")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();

        Assert.Null(review.Year);
        Assert.Equal([0m, 0m, 6550m, 0m, 0m], review.AsKnown.Targets.Single(t => t.Code == "T-COMPETITION").Series.Select(p => p.Actual));
        Assert.Equal([0m, 0m, 5250m, 200m, 0m], review.Current.Targets.Single(t => t.Code == "T-COMPETITION").Series.Select(p => p.Actual));
        Assert.Equal(6, review.Differences.Count);
    }

    [Fact]
    public async Task Closing_a_year_records_its_figures_and_marks_changes_under_an_exception_late()
    {
        var units = await ReviewSteps.SignoffUnitsAsync(_auditor);
        var closed = (await _district.Admin.PostAsync("/api/v1/reviews/2023/close", new CloseYear(_cutoff, units, "未经确认"))).ShouldBe(HttpStatusCode.Created).As<ClosedYearDto>();
        Assert.Equal(6550, closed.Figures.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
        Assert.Equal(units, closed.MissingUnits);
        (await _district.Admin.PostAsync("/api/v1/reviews/2023/close", new CloseYear(_cutoff, units, "未经确认"))).Problem(HttpStatusCode.Conflict);
        (await _auditor.PostAsync("/api/v1/reviews/2022/close", new CloseYear(_cutoff))).Problem(HttpStatusCode.Forbidden);

        var d = await _fzu.ActivityAsync(_a["d"].Id);
        Assert.Equal(ErrorCodes.YearLocked, (await _fzu.PostAsync($"/api/v1/activities/{d.Id}/attendance", new RecordAttendance(d.Version, Youth: 10))).Problem(HttpStatusCode.Conflict).Code);
        var coordinator = await _district.UnitAsync("CAST");
        await ReviewSteps.GrantAsync(coordinator, 2023, _fzu.InstitutionId, DateTimeOffset.UtcNow);
        var later = await Amend(_fzu, "d", "attendance", v => new RecordAttendance(v, Youth: 10));
        var history = (await _auditor.GetAsync($"/api/v1/activities/{later.Id}/history")).As<List<ActivityHistoryEntry>>();
        Assert.Equal([false, true], history.Select(h => h.Late));
        var untouched = (await _auditor.GetAsync($"/api/v1/activities/{_a["a"].Id}/history")).As<List<ActivityHistoryEntry>>();
        Assert.All(untouched, h => Assert.False(h.Late));

        var listed = (await _auditor.GetAsync("/api/v1/reviews")).As<List<ClosedYearDto>>();
        Assert.Equal(2023, Assert.Single(listed).Year);
        var review = (await _auditor.GetAsync("/api/v1/reviews/2023")).As<ReviewDto>();
        Assert.Equal(closed.ClosedAt, review.Closed!.ClosedAt);
        var late = Assert.Single(review.LateChanges);
        Assert.Equal((later.Id, "attendance"), (late.Id, Assert.Single(late.Changes)));
    }

    [Theory]
    [InlineData("/api/v1/reviews/2023?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/reviews/2023?asOf=2999-01-01T00:00:00Z", "asOf")]
    [InlineData("/api/v1/reviews/1900", "year")]
    public async Task Bad_review_requests_name_the_field(string url, string field)
    {
        var problem = (await _auditor.GetAsync(url)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task Partners_do_not_read_reviews()
    {
        (await _fzu.GetAsync("/api/v1/reviews/2023")).Problem(HttpStatusCode.Forbidden);
        (await _fzu.GetAsync("/api/v1/reviews")).Problem(HttpStatusCode.Forbidden);
    }

    private async Task Report(Actor partner, string reference, string kind, string day, int youth)
    {
        _a[reference] = await partner.ReportAsync(new ReportActivity(reference, kind, $"{kind} {reference}", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            Attendance: new AudienceCounts(Youth: youth)));
    }

    private async Task<ActivityDto> Amend(Actor partner, string reference, string action, Func<long, object> body)
    {
        var current = await partner.ActivityAsync(_a[reference].Id);
        return _a[reference] = (await partner.PostAsync($"/api/v1/activities/{current.Id}/{action}", body(current.Version))).ShouldBe(HttpStatusCode.OK).As<ActivityDto>();
    }
}
