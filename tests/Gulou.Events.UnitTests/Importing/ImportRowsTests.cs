using Gulou.Events.Api.Activities.Importing;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Contracts;

namespace Gulou.Events.UnitTests.Importing;

public sealed class ImportRowsTests
{
    private static readonly ImportHeader Header = ImportHeader.Read(new CsvRecord(1, ImportColumns.All.Select(c => c.Name).ToList()));

    private static CsvRecord Row(Dictionary<string, string> values) =>
        new(7, ImportColumns.All.Select(c => values.GetValueOrDefault(c.Name, "")).ToList());

    private static Dictionary<string, string> Valid() => new()
    {
        ["externalRef"] = " A-1 ", ["kind"] = "lab_open_day", ["title"] = "开放日", ["occurredOn"] = "2023-05-20",
    };

    [Fact]
    public void A_full_row_becomes_the_same_report_as_its_json()
    {
        var entry = ImportRows.Read(Row(new()
        {
            ["externalRef"] = "A-1", ["kind"] = "lab_open_day", ["measureCodes"] = "ACT-02； PRJ-02;", ["title"] = "化学实验室开放日",
            ["occurredOn"] = "2023/5/20", ["endsOn"] = "2023年5月21日", ["venue"] = " 旗山校区 ", ["community"] = "",
            ["youth"] = "1,200", ["public"] = "10", ["volunteerHours"] = "12.5",
        }), Header);

        Assert.Null(entry.Unreadable);
        var report = entry.Report!;
        Assert.Equal(("A-1", "lab_open_day", "化学实验室开放日"), (report.ExternalRef, report.Kind, report.Title));
        Assert.Equal(["ACT-02", "PRJ-02"], report.MeasureCodes!);
        Assert.Equal((new DateOnly(2023, 5, 20), new DateOnly(2023, 5, 21)), (report.OccurredOn!.Value, report.EndsOn!.Value));
        Assert.Equal(("旗山校区", (string?)null), (report.Venue, report.Community));
        Assert.Equal(new AudienceCounts(Youth: 1200, Public: 10), report.Attendance);
        Assert.Equal(12.5m, report.VolunteerHours);
    }

    [Fact]
    public void Empty_optional_cells_are_left_out()
    {
        var report = ImportRows.Read(Row(Valid()), Header).Report!;

        Assert.Null(report.MeasureCodes);
        Assert.Null(report.Attendance);
        Assert.Null(report.VolunteerHours);
        Assert.Null(report.EndsOn);
    }

    [Fact]
    public void Cells_that_cannot_be_read_are_errors_of_their_field()
    {
        var values = Valid();
        values["occurredOn"] = "20/05/2023";
        values["youth"] = "很多";
        values["volunteerHours"] = "三";

        var entry = ImportRows.Read(Row(values), Header);

        Assert.Equal(["attendance.youth", "occurredOn", "volunteerHours"], entry.Unreadable!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'很多'", entry.Unreadable["attendance.youth"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_another_number_of_values_than_the_header_is_not_read()
    {
        var entry = ImportRows.Read(new CsvRecord(9, ["A-1", "lab_open_day"]), Header);

        Assert.Null(entry.Report);
        Assert.Contains("Line 9 has 2 values; the header names 15 columns", entry.Unreadable!["row"][0], StringComparison.Ordinal);
    }
}
