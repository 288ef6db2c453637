using Gulou.Events.Api.Activities.AttachingEvidence;
using Gulou.Events.Api.Activities.RecordingAttendance;
using Gulou.Events.Api.Activities.Reporting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Microsoft.Extensions.Time.Testing;
using static Gulou.Events.UnitTests.Activities.ActivityExamples;

namespace Gulou.Events.UnitTests.Activities;

public sealed class ValidatorTests
{
    // 2024-06-30 16:30 UTC is already 1 July in the district (UTC+8).
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 6, 30, 16, 30, 0, TimeSpan.Zero));
    private static readonly ReportActivityValidator Report = new(TestPlan.Shipped, Clock);

    [Fact]
    public void A_complete_report_is_valid() => Assert.True(Report.Validate(LabOpenDay()).IsValid);

    [Theory]
    [InlineData("2020-12-31", "occurredOn")]
    [InlineData("2024-07-02", "occurredOn")]
    public void The_day_must_be_inside_the_plan_and_not_after_today_in_the_district(string day, string field)
    {
        var result = Report.Validate(LabOpenDay() with { OccurredOn = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void Today_in_the_district_is_accepted() =>
        Assert.True(Report.Validate(LabOpenDay() with { OccurredOn = new DateOnly(2024, 7, 1) }).IsValid);

    [Fact]
    public void Unknown_codes_are_named_by_their_position()
    {
        var result = Report.Validate(LabOpenDay() with { Kind = "party", MeasureCodes = ["ACT-02", "ACT-15"] });

        Assert.Contains(result.Errors, e => e.PropertyName == "kind");
        Assert.Contains(result.Errors, e => e.PropertyName == "measureCodes[1]");
    }

    [Fact]
    public void A_kind_without_default_measures_must_list_some()
    {
        var result = Report.Validate(LabOpenDay() with { Kind = "other" });

        Assert.Contains(result.Errors, e => e.PropertyName == "measureCodes");
        Assert.True(Report.Validate(LabOpenDay() with { Kind = "other", MeasureCodes = ["PRJ-12"] }).IsValid);
    }

    [Fact]
    public void Negative_or_absurd_counts_and_long_text_are_refused()
    {
        var result = Report.Validate(LabOpenDay() with
        {
            Attendance = new AudienceCounts(Youth: -1, Public: 20_000_000),
            Title = new string('科', 201),
            VolunteerHours = 1.234m,
            EndsOn = new DateOnly(2023, 5, 19),
        });

        Assert.Equal(
            ["attendance.public", "attendance.youth", "endsOn", "title", "volunteerHours"],
            result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Control_characters_are_refused() =>
        Assert.Contains(Report.Validate(LabOpenDay() with { Title = "a\u0000b" }).Errors, e => e.PropertyName == "title");

    [Fact]
    public void Attendance_must_add_something()
    {
        var validator = new RecordAttendanceValidator();

        Assert.Contains(validator.Validate(new RecordAttendance(3)).Errors, e => e.PropertyName == "body");
        Assert.Contains(validator.Validate(new RecordAttendance(null, Youth: 1)).Errors, e => e.PropertyName == "expectedVersion");
        Assert.True(validator.Validate(new RecordAttendance(3, VolunteerHours: 2)).IsValid);
    }

    [Theory]
    [InlineData("https://example.org/sheet.pdf", true)]
    [InlineData("ftp://example.org/sheet.pdf", false)]
    [InlineData("/relative/path", false)]
    [InlineData("javascript:alert(1)", false)]
    public void Evidence_is_an_http_address(string uri, bool valid) =>
        Assert.Equal(valid, new AttachEvidenceValidator().Validate(new AttachEvidence(1, EvidenceKind.Document, uri)).IsValid);
}
