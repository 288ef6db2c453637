using Gulou.Events.Api.Infrastructure.Csv;

namespace Gulou.Events.Api.Activities.Importing;

/// <summary>A column of an import file: its English and Chinese header, the report field it fills and an example value.</summary>
public sealed record ImportColumn(string Name, string ChineseName, string Field, bool Required, string Example);

/// <summary>The header vocabulary of CSV imports, in template order. Either name of a column may head it.</summary>
public static class ImportColumns
{
    public static readonly ImportColumn ExternalRef = new("externalRef", "外部编号", "externalRef", true, "FZU-2023-001");
    public static readonly ImportColumn Kind = new("kind", "活动类型", "kind", true, "lab_open_day");
    public static readonly ImportColumn MeasureCodes = new("measureCodes", "措施编号", "measureCodes", false, "ACT-02");
    public static readonly ImportColumn Title = new("title", "活动名称", "title", true, "化学实验室开放日");
    public static readonly ImportColumn OccurredOn = new("occurredOn", "活动日期", "occurredOn", true, "2023-05-20");
    public static readonly ImportColumn EndsOn = new("endsOn", "结束日期", "endsOn", false, "");
    public static readonly ImportColumn Venue = new("venue", "地点", "venue", false, "旗山校区");
    public static readonly ImportColumn Community = new("community", "社区", "community", false, "");
    public static readonly ImportColumn Youth = new("youth", "青少年", "attendance.youth", false, "120");
    public static readonly ImportColumn Workers = new("workers", "产业工人", "attendance.workers", false, "0");
    public static readonly ImportColumn Elderly = new("elderly", "老年人", "attendance.elderly", false, "0");
    public static readonly ImportColumn Cadres = new("cadres", "领导干部和公务员", "attendance.cadres", false, "0");
    public static readonly ImportColumn Public = new("public", "公众", "attendance.public", false, "10");
    public static readonly ImportColumn VolunteerHours = new("volunteerHours", "志愿服务时长", "volunteerHours", false, "0");
    public static readonly ImportColumn HostInstitutionId = new("hostInstitutionId", "承办单位编号", "hostInstitutionId", false, "");

    public static IReadOnlyList<ImportColumn> All { get; } =
        [ExternalRef, Kind, MeasureCodes, Title, OccurredOn, EndsOn, Venue, Community, Youth, Workers, Elderly, Cadres, Public, VolunteerHours, HostInstitutionId];

    public static IReadOnlyList<ImportColumn> Audience { get; } = [Youth, Workers, Elderly, Cadres, Public];

    /// <summary>Measure codes in one cell are separated by a semicolon, half- or full-width.</summary>
    public static readonly char[] CodeSeparators = [';', '；'];

    public static ImportColumn? Named(string header)
    {
        var name = header.Trim();
        return All.FirstOrDefault(c => c.ChineseName == name || c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The column a report field's error belongs to ("attendance.youth" → youth, "measureCodes[1]" → measureCodes).</summary>
    public static string ColumnOf(string field) =>
        All.FirstOrDefault(c => field == c.Field || field.StartsWith(c.Field + "[", StringComparison.Ordinal))?.Name ?? field;

    /// <summary>The template: the Chinese header row and one example row.</summary>
    public static CsvTable Template() => new CsvTable(All.Select(c => c.ChineseName).ToList()).Add([.. All.Select(c => c.Example)]);
}
