using Gulou.Events.Api.Activities.Reporting;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Activities;

public sealed class ReportDecisionTests
{
    [Fact]
    public void A_new_report_is_recorded_with_the_kinds_default_measures()
    {
        var reported = ReportActivityEndpoint.Decide(LabOpenDay(), Id, Institution, null, TestPlan.Shipped)!;

        Assert.Equal(["ACT-02"], reported.MeasureCodes);
        Assert.Equal(Institution, reported.InstitutionId);
        Assert.Equal(new AudienceCounts(Youth: 120, Public: 10), reported.Attendance);
        Assert.Equal(64, reported.ContentHash.Length);
    }

    [Fact]
    public void Listed_measures_replace_the_defaults_and_are_kept_sorted_and_distinct()
    {
        var report = LabOpenDay() with { MeasureCodes = ["PRJ-02", "ACT-02", "PRJ-02"] };

        var reported = ReportActivityEndpoint.Decide(report, Id, Institution, null, TestPlan.Shipped)!;

        Assert.Equal(["ACT-02", "PRJ-02"], reported.MeasureCodes);
    }

    [Fact]
    public void The_same_report_again_records_nothing()
    {
        var existing = Recorded();
        var resent = LabOpenDay() with { Title = "  化学实验室开放日 ", Venue = "旗山校区  " };

        Assert.Null(ReportActivityEndpoint.Decide(resent, Id, Institution, existing, TestPlan.Shipped));
    }

    [Fact]
    public void Listing_the_default_measures_explicitly_is_the_same_report()
    {
        var existing = Recorded();

        Assert.Null(ReportActivityEndpoint.Decide(LabOpenDay() with { MeasureCodes = ["ACT-02"] }, Id, Institution, existing, TestPlan.Shipped));
    }

    [Fact]
    public void Another_report_under_a_taken_reference_is_a_conflict()
    {
        var existing = Recorded();
        var other = LabOpenDay() with { Attendance = new AudienceCounts(Youth: 121, Public: 10) };

        var refusal = Assert.Throws<ProblemException>(() => ReportActivityEndpoint.Decide(other, Id, Institution, existing, TestPlan.Shipped));

        Assert.Equal(409, refusal.Status);
        Assert.Equal(ErrorCodes.ExternalRefConflict, refusal.Code);
    }

    [Fact]
    public void A_report_above_the_ceiling_of_its_kind_starts_its_stream_held_for_review()
    {
        var plausible = ReportActivityEndpoint.Decide(LabOpenDay() with { Attendance = new AudienceCounts(Youth: 2_000) }, Id, Institution, null, TestPlan.Shipped)!;
        var implausible = ReportActivityEndpoint.Decide(LabOpenDay() with { Attendance = new AudienceCounts(Youth: 1_990, Public: 11) }, Id, Institution, null, TestPlan.Shipped)!;

        Assert.Single(ReportActivityEndpoint.EventsOf(plausible, TestPlan.Shipped));
        var hold = Assert.IsType<Contracts.Activities.ActivityHeldForReview>(ReportActivityEndpoint.EventsOf(implausible, TestPlan.Shipped)[1]);
        Assert.Equal((2_001, 2_000), (hold.PersonTimes, hold.Ceiling));
    }

    [Fact]
    public void The_host_is_part_of_the_report_and_a_reporter_naming_itself_names_no_host()
    {
        var host = Guid.NewGuid();
        var plain = ReportActivityEndpoint.Decide(LabOpenDay(), Id, Institution, null, TestPlan.Shipped)!;
        var hosted = ReportActivityEndpoint.Decide(LabOpenDay() with { HostInstitutionId = host }, Id, Institution, null, TestPlan.Shipped)!;
        var self = ReportActivityEndpoint.Decide(LabOpenDay() with { HostInstitutionId = Institution }, Id, Institution, null, TestPlan.Shipped)!;

        Assert.Equal(host, hosted.HostInstitutionId);
        Assert.NotEqual(plain.ContentHash, hosted.ContentHash);
        Assert.Null(self.HostInstitutionId);
        Assert.Equal(plain.ContentHash, self.ContentHash);
        Assert.Throws<ProblemException>(() => ReportActivityEndpoint.Decide(LabOpenDay() with { HostInstitutionId = host }, Id, Institution, Recorded(), TestPlan.Shipped));
    }
}
