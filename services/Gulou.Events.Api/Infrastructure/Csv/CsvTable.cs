using System.Globalization;
using System.Text;

namespace Gulou.Events.Api.Infrastructure.Csv;

/// <summary>A table written as RFC 4180 CSV in UTF-8 with a byte-order mark, so spreadsheet programs keep Chinese text intact.</summary>
public sealed class CsvTable(IReadOnlyList<string> headers)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public CsvTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(Format).ToList());
        return this;
    }

    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        foreach (var row in _rows.Prepend(Headers))
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
