using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Export;

/// <summary>The CSV layout of each progress view: one row per figure, Chinese-ready, numbers as plain decimals.</summary>
public static class ProgressCsv
{
    private static readonly string[] FigureHeaders =
        ["activities", "youth", "workers", "elderly", "cadres", "public", "personTimes", "institutions", "volunteerHours"];

    public static CsvTable Targets(ProgressOverview overview)
    {
        var table = new CsvTable(["code", "measure", "kind", "unit", "year", "targetValue", "actual", "verifiedActual", "share", "status", "forecast", "baseline", "beside"]);
        foreach (var t in overview.Targets)
        {
            table.Add(t.Code, t.Measure, t.Kind, t.Unit, t.Year, t.TargetValue, t.Actual, t.VerifiedActual, t.Share, Plan.Codes.Of(t.Status), t.Forecast, t.Baseline, t.Beside);
        }

        return table;
    }

    public static CsvTable Target(TargetProgressDto target)
    {
        var table = new CsvTable(["code", "year", "actual", "verifiedActual", "targetValue"]);
        foreach (var point in target.Series)
        {
            table.Add(target.Code, point.Year, point.Actual, point.VerifiedActual, target.TargetValue);
        }

        return table;
    }

    public static CsvTable Measures(MeasuresOverview overview)
    {
        var table = new CsvTable(["measure", "section", "title", "year", "counted", .. FigureHeaders]);
        foreach (var m in overview.Measures)
        {
            table.Add([m.Code, m.Section, m.TitleZh, m.Year, "official", .. Cells(m.Official)]);
            table.Add([m.Code, m.Section, m.TitleZh, m.Year, "verified", .. Cells(m.Verified)]);
        }

        return table;
    }

    public static CsvTable Measure(MeasureProgressDto measure)
    {
        var table = new CsvTable(["measure", "year", "counted", .. FigureHeaders]);
        foreach (var y in measure.ByYear)
        {
            table.Add([measure.Code, y.Year, "official", .. Cells(y.Official)]);
            table.Add([measure.Code, y.Year, "verified", .. Cells(y.Verified)]);
        }

        return table;
    }

    public static CsvTable Units(UnitsOverview overview)
    {
        var table = new CsvTable(["kind", "id", "name", "measure", "year", "counted", .. FigureHeaders]);
        foreach (var i in overview.Institutions)
        {
            table.Add(["institution", i.InstitutionId, i.Name, "", overview.Year, "official", .. Cells(i.Official)]);
            foreach (var m in i.Measures)
            {
                table.Add(["institution", i.InstitutionId, i.Name, m.Measure, overview.Year, "official", .. Cells(m.Official)]);
            }
        }

        foreach (var u in overview.Units)
        {
            table.Add(["unit", u.UnitCode, u.NameZh, "", overview.Year, "official", .. Cells(u.Official)]);
            table.Add(["unit", u.UnitCode, u.NameZh, "", overview.Year, "verified", .. Cells(u.Verified)]);
            foreach (var m in u.Measures)
            {
                table.Add([$"unit_{Plan.Codes.Of(m.Role)}", u.UnitCode, u.NameZh, m.Measure, overview.Year, "official", .. Cells(m.Official)]);
            }
        }

        return table;
    }

    private static object?[] Cells(FiguresDto f) =>
        [f.Activities, f.PersonTimes.Youth, f.PersonTimes.Workers, f.PersonTimes.Elderly, f.PersonTimes.Cadres, f.PersonTimes.Public, f.PersonTimes.Total, f.Institutions, f.VolunteerHours];
}
