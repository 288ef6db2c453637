using Gulou.Events.Api.Activities.Importing;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Errors;

namespace Gulou.Events.UnitTests.Importing;

public sealed class ImportHeaderTests
{
    private static CsvRecord Row(params string[] fields) => new(2, fields);

    [Fact]
    public void Chinese_and_English_names_and_any_order_map_to_the_same_columns()
    {
        var header = ImportHeader.Read(new CsvRecord(1, ["活动名称", " EXTERNALREF ", "kind", "活动日期", "青少年"]));
        var row = Row("开放日", "A-1", "lab_open_day", "2023-05-20", "12");

        Assert.Equal(5, header.Count);
        Assert.Equal("A-1", header.Cell(row, ImportColumns.ExternalRef));
        Assert.Equal("开放日", header.Cell(row, ImportColumns.Title));
        Assert.Equal("12", header.Cell(row, ImportColumns.Youth));
        Assert.Null(header.Cell(row, ImportColumns.Venue));
    }

    [Fact]
    public void Unknown_repeated_unnamed_and_missing_columns_are_all_named_in_one_refusal()
    {
        var refusal = Assert.Throws<ProblemException>(() => ImportHeader.Read(new CsvRecord(1, ["externalRef", "活动类型", "参与人数", "kind", "", "title"])));

        Assert.Equal(400, refusal.Status);
        var problems = refusal.Errors!["header"];
        Assert.Equal(4, problems.Length);
        Assert.Contains(problems, p => p.Contains("'参与人数' (column 3)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'kind' (column 4) names the column kind a second time", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Column 5 has no name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("occurredOn (活动日期) is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_column_has_two_distinct_names_and_the_template_uses_the_chinese_ones()
    {
        var names = ImportColumns.All.SelectMany(c => new[] { c.Name.ToUpperInvariant(), c.ChineseName }).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(ImportColumns.All.Select(c => c.ChineseName), ImportColumns.Template().Headers);
        Assert.All(ImportColumns.All, c => Assert.Same(c, ImportColumns.Named(c.ChineseName)));
    }

    [Theory]
    [InlineData("attendance.youth", "youth")]
    [InlineData("measureCodes[1]", "measureCodes")]
    [InlineData("measureCodes", "measureCodes")]
    [InlineData("occurredOn", "occurredOn")]
    [InlineData("row", "row")]
    public void Field_errors_belong_to_their_column(string field, string column) => Assert.Equal(column, ImportColumns.ColumnOf(field));
}
