using System.Text.Json;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Indicators;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Volunteers;

namespace Gulou.Events.UnitTests.Progress;

/// <summary>From given events to the progress documents the projection must hold.</summary>
public sealed class ProgressFoldTests
{
    private static readonly Guid Fzu = Guid.NewGuid();
    private static readonly Guid Fjnu = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();

    [Fact]
    public async Task An_activity_counts_under_each_of_its_measures_its_institution_its_units_and_its_targets()
    {
        var history = new History();
        history.Report("lab_open_day", new DateOnly(2023, 5, 20), new AudienceCounts(Youth: 120, Public: 10), Fzu, "ACT-02", "PRJ-02");

        var rollups = await history.FoldAsync();

        Assert.Equal(1, rollups["total/2023"].Official.Activities);
        Assert.Equal(130, rollups["measure/ACT-02/2023"].Official.Attendance.Total);
        Assert.Equal(1, rollups["measure/PRJ-02/2023"].Official.Activities);
        Assert.Equal(1, rollups[$"institution/{Fzu}/ACT-02/2023"].Official.Activities);
        Assert.Equal(1, rollups[$"institution/{Fzu}/2023"].Official.Activities);
        // CAST leads both measures: the unit counts the activity once.
        Assert.Equal(1, rollups["unit/CAST/2023"].Official.Activities);
        Assert.Equal(1, rollups["unit/EDU/2023"].Official.Activities);
        // 区委文明办 takes part in 提升行动(一), 区委宣传部 and 区人社局 in 工程(一): participating units have figures too.
        Assert.Equal(1, rollups["unit/CIVILIZATION/2023"].Official.Activities);
        Assert.Equal(1, rollups["unit/HRSS/2023"].Official.Activities);
        Assert.False(rollups.ContainsKey("unit/HEALTH/2023"));
        Assert.Equal([Fzu], history.Counted("target/T-LAB-OPEN/2023"));
        Assert.Equal([Fzu], history.Counted("total/2023"));
        Assert.Equal(1, rollups[$"institution/{Fzu}/ACT-02/2023"].Official.DistinctInstitutions);
        Assert.True(rollups["measure/ACT-02/2023"].Verified.IsEmpty);
    }

    [Fact]
    public async Task A_correction_moves_the_activity_between_years_and_measures()
    {
        var history = new History();
        var id = history.Report("competition", new DateOnly(2023, 12, 30), new AudienceCounts(Youth: 300), Fzu);
        history.Append(id, new ActivityCorrected(id, "competition", ["ACT-03"], "t", new DateOnly(2024, 1, 2), null, null, null, new AudienceCounts(Youth: 250), 0m, ["occurredOn", "attendance"]));

        var rollups = await history.FoldAsync();

        Assert.False(rollups.ContainsKey("measure/ACT-03/2023"));
        Assert.False(rollups.ContainsKey("target/T-COMPETITION/2023"));
        Assert.Equal(250, rollups["target/T-COMPETITION/2024"].Official.Attendance.Youth);
    }

    [Fact]
    public async Task Rejection_and_retraction_leave_the_official_figures_and_verification_enters_the_verified_ones()
    {
        var history = new History();
        var verified = history.Report("competition", new DateOnly(2023, 3, 1), new AudienceCounts(Youth: 100), Fzu);
        var rejected = history.Report("competition", new DateOnly(2023, 3, 2), new AudienceCounts(Youth: 40), Fzu);
        var retracted = history.Report("competition", new DateOnly(2023, 3, 3), new AudienceCounts(Youth: 7), Fjnu);
        history.Append(verified, new ActivityVerified(verified, Unit, null));
        history.Append(rejected, new ActivityRejected(rejected, Unit, "no evidence"));
        history.Append(retracted, new ActivityRetracted(retracted, "duplicate"));

        var target = (await history.FoldAsync())["target/T-COMPETITION/2023"];

        Assert.Equal(100, target.Official.Attendance.Youth);
        Assert.Equal(100, target.Verified.Attendance.Youth);
        Assert.Equal([Fzu], history.Counted("target/T-COMPETITION/2023"));
        Assert.Equal([Fzu], history.Counted("target/T-COMPETITION/2023", official: false));
    }

    [Fact]
    public async Task A_unit_counts_an_activity_once_however_many_of_its_measures_it_is_filed_under()
    {
        var history = new History();
        // 区委文明办 takes part in ACT-01 (提升行动一) and PRJ-08 (工程三), and leads neither; EDU leads ACT-01 and takes part in PRJ-08.
        history.Report("campus_lecture", new DateOnly(2023, 4, 1), new AudienceCounts(Youth: 40), Fzu, "ACT-01", "PRJ-08");
        history.Report("exhibition", new DateOnly(2023, 4, 2), new AudienceCounts(Public: 60), Fjnu, "PRJ-08", "PRJ-09");

        var rollups = await history.FoldAsync();

        Assert.Equal((2, 100), (rollups["unit/CIVILIZATION/2023"].Official.Activities, rollups["unit/CIVILIZATION/2023"].Official.Attendance.Total));
        Assert.Equal(2, rollups["unit/EDU/2023"].Official.Activities);
        Assert.Equal(2, rollups["unit/CAST/2023"].Official.Activities);
        Assert.Equal(1, rollups["unit/YOUTH-LEAGUE/2023"].Official.Activities);
        Assert.Equal(2, rollups["unit/CIVILIZATION/2023"].Official.DistinctInstitutions);
        Assert.Equal(new[] { Fzu, Fjnu }.Order(), history.Counted("unit/CIVILIZATION/2023"));
    }

    [Theory]
    [InlineData("attendance")]
    [InlineData("correction")]
    [InlineData("evidence")]
    public async Task A_rejected_activity_amended_by_its_reporter_stays_out_of_every_figure_until_a_unit_verifies_it(string amendment)
    {
        var history = new History();
        var id = history.Report("competition", new DateOnly(2023, 3, 1), new AudienceCounts(Youth: 100), Fzu);
        history.Append(id, new ActivityRejected(id, Unit, "无签到表", "EDU", RejectionReason.Other));
        switch (amendment)
        {
            case "attendance": history.Append(id, new AttendanceRecorded(id, new AudienceCounts(Youth: 5), 0m)); break;
            case "correction": history.Append(id, new ActivityCorrected(id, "competition", ["ACT-03"], "t2", new DateOnly(2023, 3, 1), null, null, null, new AudienceCounts(Youth: 105), 0m, ["title", "attendance"])); break;
            default: history.Append(id, new EvidenceAttached(id, Guid.NewGuid(), EvidenceKind.AttendanceSheet, "https://example.org/s.pdf", null, null)); break;
        }

        Assert.Empty(await history.FoldAsync());

        history.Append(id, new ActivityVerified(id, Unit, null, "CAST"));
        var rollups = await history.FoldAsync();
        var youth = amendment == "evidence" ? 100 : 105;
        foreach (var key in new[] { "total/2023", "measure/ACT-03/2023", "unit/EDU/2023", "unit/CIVILIZATION/2023", $"institution/{Fzu}/2023", $"institution/{Fzu}/ACT-03/2023", "target/T-COMPETITION/2023" })
        {
            Assert.Equal((1, youth), (rollups[key].Official.Activities, rollups[key].Official.Attendance.Youth));
            Assert.Equal(youth, rollups[key].Verified.Attendance.Youth);
        }
    }

    [Fact]
    public async Task A_held_activity_counts_only_once_a_unit_verifies_it_and_a_rejection_keeps_it_out()
    {
        var history = new History();
        var held = history.Report("lab_open_day", new DateOnly(2023, 6, 1), new AudienceCounts(Youth: 5_000), Fzu);
        history.Append(held, new ActivityHeldForReview(held, "lab_open_day", 5_000, 2_000));
        var rejected = history.Report("lab_open_day", new DateOnly(2023, 6, 2), new AudienceCounts(Youth: 9_000), Fjnu);
        history.Append(rejected, new ActivityHeldForReview(rejected, "lab_open_day", 9_000, 2_000));

        Assert.Empty(await history.FoldAsync());

        history.Append(held, new ActivityVerified(held, Unit, "签到表核实", "CAST"));
        history.Append(rejected, new ActivityRejected(rejected, Unit, "人数不实", "CAST", RejectionReason.Other));
        var rollups = await history.FoldAsync();

        Assert.Equal(5_000, rollups["measure/ACT-02/2023"].Official.Attendance.Youth);
        Assert.Equal([Fzu], history.Counted("target/T-LAB-OPEN/2023", official: false));
    }

    [Fact]
    public async Task A_verified_activity_amended_stays_official_and_leaves_the_verified_figures()
    {
        var history = new History();
        var id = history.Report("competition", new DateOnly(2024, 3, 1), new AudienceCounts(Youth: 100), Fzu);
        history.Append(id, new ActivityVerified(id, Unit, null, "EDU"));
        history.Append(id, new AttendanceRecorded(id, new AudienceCounts(Youth: 1), 0m));

        var target = (await history.FoldAsync())["target/T-COMPETITION/2024"];

        Assert.Equal(101, target.Official.Attendance.Youth);
        Assert.True(target.Verified.IsEmpty);
    }

    [Fact]
    public async Task Lab_open_days_count_their_hosts_and_the_reporter_only_when_none_is_named()
    {
        var history = new History();
        var university = Guid.NewGuid();
        // A school reports its pupils' visit to the university's lab; the university reports its own open day; FJNU names no host.
        history.ReportHosted("lab_open_day", new DateOnly(2023, 5, 1), new AudienceCounts(Youth: 40), Fzu, university);
        history.ReportHosted("lab_open_day", new DateOnly(2023, 5, 2), new AudienceCounts(Youth: 60), university, null);
        history.ReportHosted("lab_open_day", new DateOnly(2023, 5, 3), new AudienceCounts(Youth: 10), Fjnu, null);

        var rollups = await history.FoldAsync();

        Assert.Equal(new[] { university, Fjnu }.Order(), history.Counted("target/T-LAB-OPEN/2023"));
        // Institution rows stay the reporter's.
        Assert.Equal(1, rollups[$"institution/{Fzu}/2023"].Official.Activities);
    }

    [Fact]
    public async Task Registered_primary_and_secondary_schools_make_up_the_coverage_register_and_reporters_or_hosts_cover_them()
    {
        var history = new History();
        var primary = history.Register("鼓楼第一中心小学", InstitutionKind.School, SchoolStage.Primary);
        var secondary = history.Register("福州第十六中学", InstitutionKind.School, SchoolStage.JuniorSecondary, SchoolStage.SeniorSecondary);
        var third = history.Register("福州第三中学", InstitutionKind.School, SchoolStage.SeniorSecondary);
        history.Register("福州大学", InstitutionKind.University);
        history.Register("某幼儿园", InstitutionKind.School);
        history.Report("competition", new DateOnly(2023, 4, 1), new AudienceCounts(Youth: 30), primary);
        history.ReportHosted("lab_open_day", new DateOnly(2023, 5, 1), new AudienceCounts(Youth: 30), Fzu, secondary);
        history.ReportHosted("lab_open_day", new DateOnly(2023, 5, 2), new AudienceCounts(Public: 30), third, null);

        var rollups = await history.FoldAsync();

        Assert.Equal(new[] { primary, secondary, third }.Order(), history.Counted("target/T-SCHOOLS/0"));
        Assert.Equal(new[] { primary, secondary, Fzu }.Order(), history.Counted("target/T-SCHOOLS/2023"));
        Assert.Equal(2, rollups["target/T-SCHOOLS/2023"].Official.Covered);
        var view = new Api.Progress.Evaluating.TargetView(TestPlan.Shipped.Target("T-SCHOOLS")!, rollups.Values.Where(r => r.Target == "T-SCHOOLS").ToList());
        Assert.Equal(66.6667m, view.Value(2023, official: true));
        Assert.Equal(0m, view.Value(2024, official: true));
    }

    [Fact]
    public async Task A_lab_open_day_without_youth_does_not_count_toward_the_youth_target()
    {
        var history = new History();
        history.Report("lab_open_day", new DateOnly(2022, 5, 1), new AudienceCounts(Public: 80), Fzu);

        var rollups = await history.FoldAsync();

        Assert.False(rollups.ContainsKey("target/T-LAB-OPEN/2022"));
        Assert.Equal(1, rollups["measure/ACT-02/2022"].Official.Activities);
    }

    [Fact]
    public async Task A_subject_designated_twice_counts_once_at_the_targets_level_until_revoked()
    {
        var history = new History();
        var community = Guid.NewGuid();
        history.Append(community, new SubjectDesignated(community, DesignationKind.CertifiedCommunity, "GL-001", "鼓东街道", DesignationLevel.District, new DateOnly(2021, 3, 1), Unit));
        history.Append(community, new SubjectDesignated(community, DesignationKind.CertifiedCommunity, "GL-001", "鼓东街道", DesignationLevel.City, new DateOnly(2022, 6, 1), Unit));
        history.Append(community, new DesignationRevoked(community, DesignationLevel.City, "no longer meets the standard", new DateOnly(2024, 2, 1), Unit));

        var rollups = await history.FoldAsync();

        Assert.False(rollups.ContainsKey("target/T-COMMUNITIES/2021"));
        Assert.Equal((1, 0), (rollups["target/T-COMMUNITIES/2022"].Official.Added, rollups["target/T-COMMUNITIES/2022"].Official.Removed));
        Assert.Equal((0, 1), (rollups["target/T-COMMUNITIES/2024"].Official.Added, rollups["target/T-COMMUNITIES/2024"].Official.Removed));
    }

    [Fact]
    public async Task A_flow_target_ignores_awards_before_the_plan_and_a_stock_target_keeps_them()
    {
        var history = new History();
        var teacher = Guid.NewGuid();
        var community = Guid.NewGuid();
        history.Append(teacher, new SubjectDesignated(teacher, DesignationKind.BackboneTeacher, "P-1", "P-1", DesignationLevel.District, new DateOnly(2020, 9, 1), Unit, "physics"));
        history.Append(community, new SubjectDesignated(community, DesignationKind.CertifiedCommunity, "GL-9", "GL-9", DesignationLevel.City, new DateOnly(2019, 9, 1), Unit));

        var rollups = await history.FoldAsync();

        Assert.DoesNotContain(rollups.Keys, k => k.StartsWith("target/T-TEACHERS/", StringComparison.Ordinal));
        Assert.Equal(1, rollups["target/T-COMMUNITIES/2019"].Official.Added);
    }

    [Fact]
    public async Task A_volunteer_counts_once_while_any_institution_has_them()
    {
        var history = new History();
        var person = Guid.NewGuid();
        history.Append(person, new VolunteerRegistered("k1", Fzu, new DateOnly(2022, 1, 1)));
        history.Append(person, new VolunteerRegistered("k1", Fjnu, new DateOnly(2023, 1, 1)));
        history.Append(person, new VolunteerDeregistered("k1", Fzu, new DateOnly(2023, 6, 1), null));

        var rollups = await history.FoldAsync();
        Assert.Equal(1, rollups["target/T-VOLUNTEERS/2022"].Official.Added);
        Assert.False(rollups.ContainsKey("target/T-VOLUNTEERS/2023"));

        history.Append(person, new VolunteerDeregistered("k1", Fjnu, new DateOnly(2024, 6, 1), null));
        Assert.Equal(1, (await history.FoldAsync())["target/T-VOLUNTEERS/2024"].Official.Removed);
    }

    [Fact]
    public async Task The_latest_observation_of_a_year_stands()
    {
        var history = new History();
        var stream = Guid.NewGuid();
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2023, 150, 1000, "survey A", null, Unit));
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2023, 165, 1000, "survey A, revised", null, Unit));
        history.Append(stream, new IndicatorObserved("T-LITERACY", 2024, 190, 1000, "survey B", null, Unit));

        var rollups = await history.FoldAsync();

        Assert.Equal((165m, 1000m), (rollups["target/T-LITERACY/2023"].Official.Numerator, rollups["target/T-LITERACY/2023"].Official.Denominator));
        Assert.Equal(190m, rollups["target/T-LITERACY/2024"].Official.Numerator);
    }

    [Fact]
    public async Task Rollups_that_fall_to_nothing_are_removed()
    {
        var history = new History();
        var id = history.Report("health_talk", new DateOnly(2023, 4, 1), new AudienceCounts(Elderly: 50), Fzu);
        history.Append(id, new ActivityRetracted(id, "cancelled"));

        Assert.Empty(await history.FoldAsync());
    }

    [Fact]
    public async Task The_documents_do_not_depend_on_how_the_log_was_batched()
    {
        var history = new History();
        var random = new Random(7);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            var kind = new[] { "competition", "lab_open_day", "health_talk", "volunteer_session" }[random.Next(4)];
            ids.Add(history.Report(kind, new DateOnly(2021 + random.Next(5), 1 + random.Next(12), 1 + random.Next(28)),
                new AudienceCounts(Youth: random.Next(3) * 10, Elderly: random.Next(20)), random.Next(2) == 0 ? Fzu : Fjnu));
            var target = ids[random.Next(ids.Count)];
            switch (random.Next(7))
            {
                case 0: history.Append(target, new AttendanceRecorded(target, new AudienceCounts(Youth: 5), 1m)); break;
                case 1: history.Append(target, new ActivityVerified(target, Unit, null)); break;
                case 2: history.Append(target, new ActivityRejected(target, Unit, "r")); break;
                case 3: history.Append(target, new ActivityRetracted(target, "r")); break;
                case 4: history.Append(target, new ActivityHeldForReview(target, kind, 1, 0)); break;
                case 5: history.Register($"school {i}", InstitutionKind.School, SchoolStage.Primary); break;
            }
        }

        // Designations, volunteers and observations with their decisions, interleaved with the activities.
        for (var i = 0; i < 15; i++)
        {
            var subject = Guid.NewGuid();
            history.Append(subject, new SubjectDesignated(subject, DesignationKind.BackboneTeacher, $"P-{i}", "t", DesignationLevel.District, new DateOnly(2020 + random.Next(6), 9, 1), Unit, "physics"));
            var person = Guid.NewGuid();
            history.Append(person, new VolunteerRegistered($"k{i}", Fzu, new DateOnly(2021 + random.Next(5), 3, 1)));
            switch (random.Next(4))
            {
                case 0: history.Append(subject, new DesignationVerified(subject, null, Unit, null)); history.Append(person, new VolunteerRejected($"k{i}", Unit, "r")); break;
                case 1: history.Append(subject, new DesignationRevoked(subject, null, "r", new DateOnly(2025, 1, 1), Unit, random.Next(2) == 0)); history.Append(person, new VolunteerVerified($"k{i}", Unit, null)); break;
                case 2: history.Append(subject, new DesignationRejected(subject, null, Unit, "r")); break;
            }
        }

        var survey = Guid.NewGuid();
        for (var i = 1; i <= 8; i++)
        {
            history.Append(survey, new IndicatorObserved("T-LITERACY", 2020 + random.Next(6), random.Next(100, 200), 1000, "s", null, Unit));
            var number = random.Next(1, i + 1);
            switch (random.Next(3))
            {
                case 0: history.Append(survey, new ObservationVerified("T-LITERACY", number, Unit, null)); break;
                case 1: history.Append(survey, new ObservationRejected("T-LITERACY", number, Unit, "r")); break;
                default: history.Append(survey, new ObservationWithdrawn("T-LITERACY", number, Unit, "r")); break;
            }
        }

        var whole = Serialize(await history.FoldAsync()) + Members(history);
        Assert.Equal(whole, Serialize(await history.FoldAsync(batchSize: 1)) + Members(history));
        Assert.Equal(whole, Serialize(await history.FoldAsync(batchSize: 7)) + Members(history));
    }

    private static string Members(History history) =>
        JsonSerializer.Serialize(history.Folded.Members.OrderBy(m => m.Id, StringComparer.Ordinal));

    private static string Serialize(IReadOnlyDictionary<string, Rollup> rollups) =>
        JsonSerializer.Serialize(rollups.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new
        {
            r.Key,
            Official = Canonical(r.Value.Official),
            Verified = Canonical(r.Value.Verified),
        }));

    private static object Canonical(Figures f) => new { f.Activities, f.Attendance, f.VolunteerHours, f.DistinctInstitutions, f.NewInstitutions, f.Covered, f.Added, f.Removed, f.Numerator, f.Denominator };
}
