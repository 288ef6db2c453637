using System.Net;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.Contracts.Reviews;
using Gulou.Events.Contracts.Volunteers;
using Gulou.Events.IntegrationTests.Infrastructure;
using Gulou.Events.IntegrationTests.Volunteers;

namespace Gulou.Events.IntegrationTests.Progress;

/// <summary>
/// Designations, volunteers, survey results and rankings posted over the plan period, then verified, rejected,
/// revoked and withdrawn by the units after a cut-off. Every figure of their targets, official and verified, is held
/// against the figure computed here, by plain rules written in this file, from what was posted; every drill-down
/// against the records behind it; the as-of review against the records as they stood at the cut-off; and the live
/// projection against a replay of the log.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlanRecordTests(AppFixture app) : IAsyncLifetime
{
    private static readonly int[] Years = [2021, 2022, 2023, 2024, 2025];

    private readonly List<PostedDesignation> _designations = [];
    private readonly List<PostedVolunteer> _volunteers = [];
    private readonly List<PostedObservation> _observations = [];
    private (PostedDesignation[] Designations, PostedVolunteer[] Volunteers, PostedObservation[] Observations) _atCutoff;
    private DateTimeOffset _cutoff;
    private District _district = null!;
    private Actor _education = null!, _cast = null!, _union = null!, _civilization = null!, _fzu = null!, _school = null!, _auditor = null!;

    private enum Decision
    {
        None,
        Verified,
        Rejected,
    }

    private sealed record PostedDesignation(Guid Id, string Key, DesignationKind Kind, DesignationLevel Level, DateOnly AwardedOn, string? Subject,
        DateOnly? RevokedOn = null, bool ForCause = true, string? Reason = null, Decision Decision = Decision.None);

    private sealed record PostedVolunteer(string PersonKey, DateOnly Joined, DateOnly? Left = null, Decision Decision = Decision.None);

    private sealed record PostedObservation(string Target, int Number, int Year, decimal Value, bool Withdrawn = false, Decision Decision = Decision.None);

    public async Task InitializeAsync()
    {
        _district = await app.NewDistrictAsync();
        _education = await _district.UnitAsync("EDU");
        _cast = await _district.UnitAsync("CAST");
        _union = await _district.UnitAsync("UNION");
        _civilization = await _district.UnitAsync("CIVILIZATION");
        _fzu = await _district.PartnerAsync("福州大学");
        _school = await _district.PartnerAsync("福州第十六中学");
        _auditor = await _district.AuditorAsync();

        await Designate(_education, "TA", DesignationKind.BackboneTeacher, DesignationLevel.District, "2021-09-01", "physics");
        await Designate(_education, "TB", DesignationKind.BackboneTeacher, DesignationLevel.District, "2022-09-01", "chemistry");
        await Designate(_education, "TC", DesignationKind.BackboneTeacher, DesignationLevel.District, "2022-09-01", "mathematics");
        await Designate(_education, "TD", DesignationKind.BackboneTeacher, DesignationLevel.District, "2020-09-01", "biology");
        await Designate(_education, "TE", DesignationKind.BackboneTeacher, DesignationLevel.District, "2023-09-01", "science");
        await Designate(_education, "TF", DesignationKind.BackboneTeacher, DesignationLevel.City, "2024-09-01", "information_technology");
        await Designate(_union, "SA", DesignationKind.ModelWorkerStudio, DesignationLevel.City, "2022-04-28");
        await Designate(_union, "SB", DesignationKind.ModelWorkerStudio, DesignationLevel.District, "2021-05-01");
        await Designate(_union, "SC", DesignationKind.ModelWorkerStudio, DesignationLevel.District, "2019-05-01");
        await Designate(_cast, "BA", DesignationKind.ScienceBase, DesignationLevel.City, "2018-06-01");
        await Designate(_cast, "BB", DesignationKind.ScienceBase, DesignationLevel.City, "2022-06-01");
        await Designate(_cast, "BC", DesignationKind.ScienceBase, DesignationLevel.City, "2023-06-01");
        await Designate(_cast, "CA", DesignationKind.CertifiedCommunity, DesignationLevel.City, "2020-06-01");
        await Designate(_cast, "CB", DesignationKind.CertifiedCommunity, DesignationLevel.City, "2022-03-01");
        await Designate(_cast, "CC", DesignationKind.CertifiedCommunity, DesignationLevel.City, "2023-03-01");

        await Register(_fzu, VolunteerTests.PersonA, "2022-03-01");
        var b = await Register(_fzu, VolunteerTests.PersonB, "2022-09-01");
        await Register(_school, "350102200001010011", "2023-02-01");
        (await _fzu.PostAsync($"/api/v1/volunteers/{b}/deregistration", new DeregisterVolunteer(new DateOnly(2024, 7, 1)))).ShouldBe(HttpStatusCode.OK);
        Change(_volunteers, v => v.PersonKey == b, v => v with { Left = new DateOnly(2024, 7, 1) });

        await Observe("T-LITERACY", 2020, new RecordObservation(2020, 200, 1000, "2020年基线调查"), 20m);
        await Observe("T-LITERACY", 2022, new RecordObservation(2022, 150, 1000, "2022年抽样调查"), 15m);
        await Observe("T-LITERACY", 2023, new RecordObservation(2023, 165, 1000, "2023年抽样调查"), 16.5m);
        await Observe("T-LITERACY", 2023, new RecordObservation(2023, 170, 1000, "2023年抽样调查（误录）"), 17m);
        await Observe("T-LITERACY-RANK-CITY", 2020, new RecordObservation(2020, null, null, "2020年全市通报", Rank: 2, Of: 13), 2);
        await Observe("T-LITERACY-RANK-CITY", 2023, new RecordObservation(2023, null, null, "2023年全市通报", Rank: 4, Of: 13), 4);
        await Observe("T-LITERACY-RANK-CITY", 2024, new RecordObservation(2024, null, null, "2024年全市通报", Rank: 3, Of: 13), 3);
        await Observe("T-COMMUNITIES-RANK", 2022, new RecordObservation(2022, null, null, "2022年全市通报", Rank: 1, Of: 13), 1);
        await Observe("T-COMMUNITIES-RANK", 2024, new RecordObservation(2024, null, null, "2024年全市通报", Rank: 2, Of: 13), 2);

        await _auditor.GetAsync("/api/v1/progress?waitForNonStale=true");
        _atCutoff = ([.. _designations], [.. _volunteers], [.. _observations]);
        await Task.Delay(50);
        _cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(50);

        await DecideDesignation(_cast, "TA", Decision.Verified);
        await DecideDesignation(_civilization, "TE", Decision.Rejected, "非本区在编教师");
        await DecideDesignation(_cast, "SA", Decision.Verified);
        await DecideDesignation(_civilization, "BB", Decision.Verified);
        await DecideDesignation(_civilization, "CA", Decision.Verified);
        await DecideDesignation(_civilization, "CC", Decision.Rejected, "市级文件未列入");
        await Revoke("TB", "2023-06-01", forCause: true, "评选材料不实");
        await Revoke("TC", "2024-08-31", forCause: false, "调往外区任教");
        await Revoke("SB", "2024-01-10", forCause: true, "工作室挂名未运行");
        await Revoke("CB", "2024-05-01", forCause: true, "复核未通过");

        await DecideVolunteer(VolunteerTests.PersonA, Decision.Verified);
        await DecideVolunteer("350102200001010011", Decision.Rejected, "身份信息不符");

        await DecideObservation(_education, "T-LITERACY", 2, Decision.Verified);
        (await _cast.PostAsync("/api/v1/indicators/T-LITERACY/observations/4/withdrawal", new WithdrawObservation("录入错误"))).ShouldBe(HttpStatusCode.OK);
        Change(_observations, o => o is { Target: "T-LITERACY", Number: 4 }, o => o with { Withdrawn = true });
        await DecideObservation(_education, "T-LITERACY-RANK-CITY", 2, Decision.Verified);
        await DecideObservation(_civilization, "T-COMMUNITIES-RANK", 2, Decision.Rejected, "通报尚未公布");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_figure_of_the_designation_volunteer_indicator_and_ranking_targets_equals_the_one_computed_from_what_was_posted()
    {
        foreach (var year in Years)
        {
            var overview = (await _auditor.GetAsync($"/api/v1/progress?year={year}&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
            AssertFigures(Expected(year, _designations, _volunteers, _observations), overview.Targets, $"{year}");
        }
    }

    [Fact]
    public async Task The_baseline_is_shown_as_such_and_a_literacy_survey_of_2020_meets_nothing_in_2021()
    {
        var overview = (await _auditor.GetAsync("/api/v1/progress?year=2021&waitForNonStale=true")).As<ProgressOverview>();
        var literacy = overview.Targets.Single(t => t.Code == "T-LITERACY");
        var rank = overview.Targets.Single(t => t.Code == "T-LITERACY-RANK-CITY");

        // 20% in 2020 would exceed 18%: it is the baseline, not an actual of 2021.
        Assert.Equal((0m, TargetStatus.NotStarted, 20m), (literacy.Actual, literacy.Status, literacy.Baseline!.Value));
        Assert.Equal((0m, TargetStatus.NotStarted, 2m, "T-LITERACY"), (rank.Actual, rank.Status, rank.Baseline!.Value, rank.Beside));
        // The communities stood at CA (2020) before the plan; bases are counted as established within it.
        Assert.Equal(1m, overview.Targets.Single(t => t.Code == "T-COMMUNITIES").Baseline);
        Assert.Null(overview.Targets.Single(t => t.Code == "T-BASES").Baseline);

        var csv = (await _auditor.GetAsync("/api/v1/progress?year=2021", new Dictionary<string, string> { ["Accept"] = "text/csv" })).ShouldBe(HttpStatusCode.OK).Body;
        Assert.Contains("status,forecast,baseline,beside\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nT-LITERACY-RANK-CITY,,ranking,rank,2021,3,0,0,0,not_started,,2,T-LITERACY\r\n", csv, StringComparison.Ordinal);

        var plan = (await _auditor.GetAsync("/api/v1/progress?waitForNonStale=true")).As<ProgressOverview>();
        // Literacy rank: 4th in 2023, then 3rd in 2024 (goal: among the first three). Communities: 1st in 2022; 2024's 2nd was rejected.
        Assert.Equal((3m, TargetStatus.Met), (plan.Targets.Single(t => t.Code == "T-LITERACY-RANK-CITY").Actual, plan.Targets.Single(t => t.Code == "T-LITERACY-RANK-CITY").Status));
        Assert.Equal((1m, TargetStatus.Met, "T-COMMUNITIES"), (plan.Targets.Single(t => t.Code == "T-COMMUNITIES-RANK").Actual, plan.Targets.Single(t => t.Code == "T-COMMUNITIES-RANK").Status, plan.Targets.Single(t => t.Code == "T-COMMUNITIES-RANK").Beside));
    }

    [Fact]
    public async Task Every_drilldown_lists_exactly_the_records_behind_its_figure_and_revocations_with_their_reasons()
    {
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var overview = (await _auditor.GetAsync($"/api/v1/progress?year={year}&waitForNonStale=true")).As<ProgressOverview>();
            foreach (var code in DesignationTargets.Keys)
            {
                var target = overview.Targets.Single(t => t.Code == code);
                Assert.Equal(Counted(code, year, verifiedOnly: false).Order(), await SubjectKeys(target.Drilldown));
                Assert.Equal(Counted(code, year, verifiedOnly: true).Order(), await SubjectKeys(target.Drilldown + "&counted=verified"));
                var removed = (await _auditor.GetAsync(target.Drilldown + "&removed=true")).ShouldBe(HttpStatusCode.OK).As<PagedList<DesignationDto>>();
                var expectedRemoved = _designations.Where(d => Qualifies(code, d, verifiedOnly: false) && Removes(code, d) && d.RevokedOn!.Value.Year <= year);
                Assert.Equal(expectedRemoved.Select(d => (d.Key, d.Reason)).Order(), removed.Items.Select(d => (d.SubjectKey, d.Awards.Single().RevocationReason)).Order());
            }

            var volunteers = (await _auditor.GetAsync(overview.Targets.Single(t => t.Code == "T-VOLUNTEERS").Drilldown)).As<PagedList<VolunteerDto>>();
            Assert.Equal(_volunteers.Where(v => VolunteerCounts(v, year, verifiedOnly: false)).Select(v => v.PersonKey).Order(), volunteers.Items.Select(v => v.PersonKey).Order());
            var verifiedVolunteers = (await _auditor.GetAsync(overview.Targets.Single(t => t.Code == "T-VOLUNTEERS").Drilldown + "&counted=verified")).As<PagedList<VolunteerDto>>();
            Assert.Equal(_volunteers.Where(v => VolunteerCounts(v, year, verifiedOnly: true)).Select(v => v.PersonKey).Order(), verifiedVolunteers.Items.Select(v => v.PersonKey).Order());
        }

        // TC ended without cause: still one of the teachers of the period, its revocation shown beside it.
        var teachers = (await _auditor.GetAsync("/api/v1/designations?target=T-TEACHERS&year=2025")).As<PagedList<DesignationDto>>();
        var tc = teachers.Items.Single(d => d.SubjectKey == "TC").Awards.Single();
        Assert.Equal((new DateOnly(2024, 8, 31), "调往外区任教", false), (tc.RevokedOn!.Value, tc.RevocationReason, tc.RevokedForCause!.Value));
        Assert.Equal("mathematics", teachers.Items.Single(d => d.SubjectKey == "TC").TeachingSubject);

        var literacy = (await _auditor.GetAsync("/api/v1/progress/targets/T-LITERACY?waitForNonStale=true")).As<TargetProgressDto>();
        var observations = (await _auditor.GetAsync(literacy.Drilldown)).ShouldBe(HttpStatusCode.OK).As<IndicatorDto>();
        Assert.Equal([1, 2, 3, 4], observations.Observations.Select(o => o.Number));
        Assert.Equal((1, 2020), (observations.Baseline!.Number, observations.Baseline.Year));
        Assert.Equal([2, 3], observations.Standing.Select(o => o.Number));
        Assert.Equal("录入错误", observations.Observations.Single(o => o.Number == 4).Withdrawal!.Reason);
        Assert.Equal(VerificationDecision.Verified, observations.Observations.Single(o => o.Number == 2).Verification!.Decision);
        var ranks = (await _auditor.GetAsync("/api/v1/indicators/T-COMMUNITIES-RANK/observations")).As<IndicatorDto>();
        Assert.Equal([(1, 1, 13)], ranks.Standing.Select(o => (o.Number, o.Rank!.Value, o.Of!.Value)));
    }

    [Fact]
    public async Task The_review_as_of_the_cutoff_counts_the_records_as_they_stood_and_names_what_the_units_decided_since()
    {
        var review = (await _auditor.GetAsync($"/api/v1/reviews/plan?asOf={Uri.EscapeDataString(_cutoff.ToString("O"))}")).ShouldBe(HttpStatusCode.OK).As<ReviewDto>();
        var live = (await _auditor.GetAsync("/api/v1/progress?waitForNonStale=true")).As<ProgressOverview>();

        var (designations, volunteers, observations) = _atCutoff;
        AssertFigures(Expected(2025, [.. designations], [.. volunteers], [.. observations]), review.AsKnown.Targets, "as known at the cut-off");
        AssertFigures(Expected(2025, _designations, _volunteers, _observations), review.Current.Targets, "as known now");
        Assert.Equal(live.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual, t.Status)), review.Current.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual, t.Status)));

        var changes = review.Differences.Where(d => d.Record != "activity").ToDictionary(d => d.Label, d => d.Changes);
        Assert.Equal(["verification"], changes["TA"]);
        Assert.Equal(["rejection"], changes["CC"]);
        Assert.Equal(["revocation"], changes["TB"]);
        Assert.Equal(["verification", "withdrawal"], changes["T-LITERACY"]);
        Assert.Equal(["rejection"], changes["T-COMMUNITIES-RANK"]);
        Assert.Contains(review.Differences, d => d is { Record: "volunteer" } && d.Changes.SequenceEqual(["rejection"]));
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_figures_and_the_live_projection_equals_a_replay_of_the_log()
    {
        var before = (await _auditor.GetAsync("/api/v1/progress?waitForNonStale=true")).As<ProgressOverview>();

        var rebuild = (await _district.Admin.PostAsync("/api/v1/admin/projections/rebuild?projection=Progress")).ShouldBe(HttpStatusCode.Accepted).As<ProjectionOperationDto>();
        Assert.Equal("succeeded", (await Projections.WaitAsync(_district.Admin, rebuild.Id)).State);
        var after = (await _auditor.GetAsync("/api/v1/progress?waitForNonStale=true")).As<ProgressOverview>();
        var verification = await Projections.VerifyAsync(_district.Admin);

        Assert.Equal(before.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual, t.Baseline)), after.Targets.Select(t => (t.Code, t.Actual, t.VerifiedActual, t.Baseline)));
        Assert.True(verification.State == "succeeded", string.Join("\n", verification.Differences));
    }

    // --- The rules, written again from the plan's text (docs/counting.md), over what the test posted. ---

    private static readonly Dictionary<string, (DesignationKind Kind, DesignationLevel? Level, bool NewInPeriod)> DesignationTargets = new()
    {
        ["T-TEACHERS"] = (DesignationKind.BackboneTeacher, DesignationLevel.District, true),
        ["T-STUDIOS"] = (DesignationKind.ModelWorkerStudio, null, true),
        ["T-BASES"] = (DesignationKind.ScienceBase, DesignationLevel.City, true),
        ["T-COMMUNITIES"] = (DesignationKind.CertifiedCommunity, DesignationLevel.City, false),
    };

    private static bool Removes(string code, PostedDesignation d) => d.RevokedOn is not null && (!DesignationTargets[code].NewInPeriod || d.ForCause);

    /// <summary>Of the target's kind and level, not rejected (verified, for the verified figure), and awarded within the period when the target counts what is new.</summary>
    private static bool Qualifies(string code, PostedDesignation d, bool verifiedOnly)
    {
        var (kind, level, newInPeriod) = DesignationTargets[code];
        return d.Kind == kind && (level is null || d.Level == level) && d.Decision != Decision.Rejected && (!verifiedOnly || d.Decision == Decision.Verified)
            && (!newInPeriod || d.AwardedOn.Year is >= 2021 and <= 2025);
    }

    /// <summary>Counted at the end of the year: awarded by then and not taken out by then.</summary>
    private static bool CountsFor(string code, PostedDesignation d, int year, bool verifiedOnly) =>
        Qualifies(code, d, verifiedOnly) && d.AwardedOn.Year <= year && !(Removes(code, d) && d.RevokedOn!.Value.Year <= year);

    private static bool VolunteerCounts(PostedVolunteer v, int year, bool verifiedOnly) =>
        v.Decision != Decision.Rejected && (!verifiedOnly || v.Decision == Decision.Verified) && v.Joined.Year <= year && (v.Left is null || v.Left.Value.Year > year);

    /// <summary>The latest observation of the period up to the year that is neither withdrawn nor rejected (verified: the latest verified).</summary>
    private static decimal Observed(IEnumerable<PostedObservation> observations, string target, int year, bool verifiedOnly) =>
        observations.Where(o => o.Target == target && o.Year is >= 2021 && o.Year <= year && !o.Withdrawn && o.Decision != Decision.Rejected && (!verifiedOnly || o.Decision == Decision.Verified))
            .OrderBy(o => o.Year).ThenBy(o => o.Number).Select(o => o.Value).LastOrDefault();

    private IEnumerable<string> Counted(string code, int year, bool verifiedOnly) =>
        _designations.Where(d => CountsFor(code, d, year, verifiedOnly)).Select(d => d.Key);

    private static Dictionary<string, (decimal Official, decimal Verified)> Expected(int year, List<PostedDesignation> designations, List<PostedVolunteer> volunteers, List<PostedObservation> observations)
    {
        var expected = DesignationTargets.Keys.ToDictionary(
            code => code,
            code => ((decimal)designations.Count(d => CountsFor(code, d, year, verifiedOnly: false)), (decimal)designations.Count(d => CountsFor(code, d, year, verifiedOnly: true))));
        expected["T-VOLUNTEERS"] = (volunteers.Count(v => VolunteerCounts(v, year, false)), volunteers.Count(v => VolunteerCounts(v, year, true)));
        foreach (var code in new[] { "T-LITERACY", "T-LITERACY-RANK-CITY", "T-COMMUNITIES-RANK" })
        {
            expected[code] = (Observed(observations, code, year, false), Observed(observations, code, year, true));
        }

        return expected;
    }

    private static void AssertFigures(Dictionary<string, (decimal Official, decimal Verified)> expected, IReadOnlyList<TargetProgressDto> targets, string when)
    {
        foreach (var (code, figures) in expected)
        {
            var target = targets.Single(t => t.Code == code);
            Assert.True(figures == (target.Actual, target.VerifiedActual), $"{code} {when}: expected {figures}, got ({target.Actual}, {target.VerifiedActual})");
        }
    }

    // --- Posting, and keeping the test's own record of what was posted. ---

    private async Task<string[]> SubjectKeys(string url) =>
        (await _auditor.GetAsync(url)).ShouldBe(HttpStatusCode.OK).As<PagedList<DesignationDto>>().Items.Select(d => d.SubjectKey).Order().ToArray();

    private static void Change<T>(List<T> list, Func<T, bool> which, Func<T, T> change)
    {
        var index = list.FindIndex(x => which(x));
        list[index] = change(list[index]);
    }

    private async Task Designate(Actor unit, string key, DesignationKind kind, DesignationLevel level, string day, string? subject = null)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var designation = (await unit.PostAsync("/api/v1/designations", new RecordDesignation(kind, key, level, on, TeachingSubject: subject)))
            .ShouldBe(HttpStatusCode.Created).As<DesignationDto>();
        _designations.Add(new PostedDesignation(designation.Id, key, kind, level, on, subject));
    }

    private async Task DecideDesignation(Actor unit, string key, Decision decision, string? reason = null)
    {
        var posted = _designations.Single(d => d.Key == key);
        var answer = (await unit.PostAsync($"/api/v1/designations/{posted.Id}/verification", new VerifyDesignation(Of(decision), reason))).ShouldBe(HttpStatusCode.OK).As<DesignationDto>();
        Assert.Equal(Of(decision), answer.Awards.Single().Verification!.Decision);
        Change(_designations, d => d.Key == key, d => d with { Decision = decision });
    }

    private async Task Revoke(string key, string day, bool forCause, string reason)
    {
        var posted = _designations.Single(d => d.Key == key);
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var unit = posted.Kind switch { DesignationKind.BackboneTeacher => _education, DesignationKind.ModelWorkerStudio => _union, _ => _cast };
        (await unit.PostAsync($"/api/v1/designations/{posted.Id}/revocation", new RevokeDesignation(reason, on, ForCause: forCause))).ShouldBe(HttpStatusCode.OK);
        Change(_designations, d => d.Key == key, d => d with { RevokedOn = on, ForCause = forCause, Reason = reason });
    }

    private async Task<string> Register(Actor partner, string idNumber, string day)
    {
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var volunteer = (await partner.PostAsync("/api/v1/volunteers", new RegisterVolunteer(idNumber, on))).ShouldBe(HttpStatusCode.Created).As<VolunteerDto>();
        _volunteers.Add(new PostedVolunteer(volunteer.PersonKey, on));
        _personKeys[idNumber] = volunteer.PersonKey;
        return volunteer.PersonKey;
    }

    private readonly Dictionary<string, string> _personKeys = [];

    private async Task DecideVolunteer(string idNumber, Decision decision, string? reason = null)
    {
        var key = _personKeys[idNumber];
        var answer = (await _cast.PostAsync($"/api/v1/volunteers/{key}/verification", new VerifyRecord(Of(decision), reason))).ShouldBe(HttpStatusCode.OK).As<VolunteerDto>();
        Assert.Equal(Of(decision), answer.Verification!.Decision);
        Change(_volunteers, v => v.PersonKey == key, v => v with { Decision = decision });
    }

    private async Task Observe(string target, int year, RecordObservation observation, decimal value)
    {
        var answer = (await _cast.PostAsync($"/api/v1/indicators/{target}/observations", observation)).ShouldBe(HttpStatusCode.Created).As<IndicatorDto>();
        _observations.Add(new PostedObservation(target, answer.Observations[^1].Number, year, value));
    }

    private async Task DecideObservation(Actor unit, string target, int number, Decision decision, string? reason = null)
    {
        (await unit.PostAsync($"/api/v1/indicators/{target}/observations/{number}/verification", new VerifyRecord(Of(decision), reason))).ShouldBe(HttpStatusCode.OK);
        Change(_observations, o => o.Target == target && o.Number == number, o => o with { Decision = decision });
    }

    private static VerificationDecision Of(Decision decision) => decision == Decision.Verified ? VerificationDecision.Verified : VerificationDecision.Rejected;
}
