using System.Globalization;
using Gulou.Events.Api.Activities.Batching;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using static Gulou.Events.Api.Activities.Importing.ImportColumns;

namespace Gulou.Events.Api.Activities.Importing;

/// <summary>
/// Turns a row of an import file into the report the batch decides on. Values that cannot be read (a date or a
/// number in a form we do not take) are kept as errors of their field; validation is left to the report's validator.
/// </summary>
public static class ImportRows
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    public static BatchEntry Read(CsvRecord row, ImportHeader header)
    {
        if (row.Fields.Count != header.Count)
        {
            return new BatchEntry(null, new Dictionary<string, string[]>
            {
                ["row"] = [$"Line {row.Line} has {row.Fields.Count} values; the header names {header.Count} columns."],
            });
        }

        var unreadable = new Dictionary<string, string[]>();
        string? Text(ImportColumn column) => FreeText.Normalize(header.Cell(row, column));

        DateOnly? Date(ImportColumn column) => Text(column) is not { } cell ? null
            : DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : Unreadable<DateOnly?>(column, $"'{cell}' is not a date; write it as 2023-05-20.");

        int? PersonTimes(ImportColumn column) => Text(column) is not { } cell ? null
            : int.TryParse(cell, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n
            : Unreadable<int?>(column, $"'{cell}' is not a whole number.");

        T? Unreadable<T>(ImportColumn column, string message)
        {
            unreadable[column.Field] = [message];
            return default;
        }

        var codes = Text(MeasureCodes)?.Split(CodeSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var counts = Audience.Select(PersonTimes).ToList();
        var hours = Text(VolunteerHours) is not { } h ? null
            : decimal.TryParse(h, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
            : Unreadable<decimal?>(VolunteerHours, $"'{h}' is not a number of hours.");

        var host = Text(HostInstitutionId) is not { } id ? null
            : Guid.TryParse(id, out var guid) ? guid
            : Unreadable<Guid?>(HostInstitutionId, $"'{id}' is not an institution id; copy it from GET /api/v1/institutions.");

        var report = new ReportActivity(
            Text(ExternalRef) ?? "",
            Text(Kind) ?? "",
            Text(Title) ?? "",
            Date(OccurredOn),
            codes is { Length: > 0 } ? codes : null,
            Date(EndsOn),
            Text(Venue),
            Text(Community),
            counts.All(c => c is null) ? null : new AudienceCounts(counts[0] ?? 0, counts[1] ?? 0, counts[2] ?? 0, counts[3] ?? 0, counts[4] ?? 0),
            hours,
            host);
        return new BatchEntry(report, unreadable.Count > 0 ? unreadable : null);
    }

    /// <summary>A row's result, its errors keyed by the column they belong to.</summary>
    public static ImportRowResult ResultOf(int line, EntryResult result) => new(
        line, result.ExternalRef, result.Outcome, result.Id, result.Code, result.Detail,
        result.Errors?.GroupBy(e => ColumnOf(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray()));
}
