using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Errors;

namespace Gulou.Events.Api.Activities.Importing;

/// <summary>Where each known column stands in a file, read from its header row.</summary>
public sealed class ImportHeader
{
    private readonly Dictionary<ImportColumn, int> _positions;

    private ImportHeader(Dictionary<ImportColumn, int> positions, int count)
    {
        _positions = positions;
        Count = count;
    }

    /// <summary>How many values every row must have.</summary>
    public int Count { get; }

    /// <summary>Reads the header row; a header that names no column, one twice, or misses a required one is refused.</summary>
    /// <exception cref="ProblemException">400, every problem of the header under <c>errors.header</c>.</exception>
    public static ImportHeader Read(CsvRecord header)
    {
        var positions = new Dictionary<ImportColumn, int>();
        var problems = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (name.Length == 0)
            {
                problems.Add($"Column {i + 1} has no name.");
            }
            else if (ImportColumns.Named(name) is not { } column)
            {
                problems.Add($"'{name}' (column {i + 1}) is not a column of the import: the columns are {string.Join(", ", ImportColumns.All.Select(c => $"{c.Name}/{c.ChineseName}"))}.");
            }
            else if (!positions.TryAdd(column, i))
            {
                problems.Add($"'{name}' (column {i + 1}) names the column {column.Name} a second time.");
            }
        }

        problems.AddRange(ImportColumns.All.Where(c => c.Required && !positions.ContainsKey(c)).Select(c => $"The column {c.Name} ({c.ChineseName}) is missing."));
        return problems.Count == 0
            ? new ImportHeader(positions, header.Fields.Count)
            : throw ProblemException.Invalid(new Dictionary<string, string[]> { ["header"] = [.. problems] });
    }

    /// <summary>The value of a column in a row, or null when the file has no such column.</summary>
    public string? Cell(CsvRecord row, ImportColumn column) => _positions.TryGetValue(column, out var i) ? row.Fields[i] : null;
}
