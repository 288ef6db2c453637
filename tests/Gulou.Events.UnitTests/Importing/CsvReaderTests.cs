using Gulou.Events.Api.Infrastructure.Csv;

namespace Gulou.Events.UnitTests.Importing;

public sealed class CsvReaderTests
{
    private static async Task<List<CsvRecord>> ReadAllAsync(string text, int maxFieldLength = 10_000)
    {
        var reader = new CsvReader(new StringReader(text), maxFieldLength);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    private static string[][] Fields(IEnumerable<CsvRecord> records) => records.Select(r => r.Fields.ToArray()).ToArray();

    [Fact]
    public async Task Plain_fields_are_split_on_commas_and_lines()
    {
        var records = await ReadAllAsync("a,b,c\r\n1,2,3\r\n");

        Assert.Equal([["a", "b", "c"], ["1", "2", "3"]], Fields(records));
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_lines_are_counted_through_them()
    {
        var records = await ReadAllAsync("title,venue\n\"实验室, 开放日\",\"说 \"\"你好\"\"\"\n\"第一行\r\n第二行\n第三行\",x\nlast,row");

        Assert.Equal(
            [["title", "venue"], ["实验室, 开放日", "说 \"你好\""], ["第一行\r\n第二行\n第三行", "x"], ["last", "row"]],
            Fields(records));
        Assert.Equal([1, 2, 3, 6], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\nc,d")]
    public async Task Every_line_ending_is_taken(string text) =>
        Assert.Equal([["a", "b"], ["c", "d"]], Fields(await ReadAllAsync(text)));

    [Fact]
    public async Task A_byte_order_mark_is_dropped_only_at_the_start()
    {
        var records = await ReadAllAsync("\uFEFF外部编号,活动名称\nA,\uFEFFx");

        Assert.Equal([["外部编号", "活动名称"], ["A", "\uFEFFx"]], Fields(records));
    }

    [Fact]
    public async Task Blank_lines_and_lines_of_separators_are_skipped_and_later_lines_keep_their_numbers()
    {
        var records = await ReadAllAsync("\n\na,b\n\n , \n,,\nc,d\n\n");

        Assert.Equal([["a", "b"], ["c", "d"]], Fields(records));
        Assert.Equal([3, 7], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Empty_fields_and_rows_of_other_lengths_are_kept_as_they_are()
    {
        var records = await ReadAllAsync("a,,c,\n1\n\"\",2,3,4,5");

        Assert.Equal([["a", "", "c", ""], ["1"], ["", "2", "3", "4", "5"]], Fields(records));
    }

    [Fact]
    public async Task A_stray_quote_inside_an_unquoted_field_is_kept()
    {
        Assert.Equal([["5\" screen", "b"]], Fields(await ReadAllAsync("5\" screen,b")));
    }

    [Fact]
    public async Task An_empty_text_has_no_records() => Assert.Empty(await ReadAllAsync(""));

    [Theory]
    [InlineData("a,b\n1,\"open\n2,3\n", 2, "never closed")]
    [InlineData("a,b\n\"x\"y,2\n", 2, "after the closing quote")]
    [InlineData("a,b\nc,d\n\"1\n2\"z", 4, "after the closing quote")]
    public async Task Broken_quoting_names_the_line(string text, int line, string message)
    {
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_longer_than_the_limit_is_refused_with_its_line()
    {
        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync($"a\n\"{new string('x', 50)}", maxFieldLength: 20));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Records_that_span_the_read_buffer_are_read_whole()
    {
        var longText = string.Concat(Enumerable.Repeat("长文本,", 3000));
        var text = $"a,b\n\"{longText}\",\"x\r\ny\"\r\n" + string.Join("\r\n", Enumerable.Range(0, 5000).Select(i => $"{i},\"v{i}\""));

        var records = await ReadAllAsync(text, maxFieldLength: 100_000);

        Assert.Equal(5002, records.Count);
        Assert.Equal(longText, records[1].Fields[0]);
        Assert.Equal("x\r\ny", records[1].Fields[1]);
        Assert.Equal((4, "0", "v0"), (records[2].Line, records[2].Fields[0], records[2].Fields[1]));
        Assert.Equal((5003, "4999", "v4999"), (records[^1].Line, records[^1].Fields[0], records[^1].Fields[1]));
    }
}
