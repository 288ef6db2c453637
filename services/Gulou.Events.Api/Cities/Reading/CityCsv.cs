using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Contracts.Cities;

namespace Gulou.Events.Api.Cities.Reading;

/// <summary>The CSV layout of the city view: a row per target and district, and a city row for each target summed over the city.</summary>
public static class CityCsv
{
    public static CsvTable Targets(CityProgress progress)
    {
        var table = new CsvTable(["code", "measure", "kind", "unit", "year", "district", "targetValue", "actual", "verifiedActual", "share", "status", "notSummed"]);
        foreach (var t in progress.Targets)
        {
            table.Add(t.Code, t.Measure, t.Kind, t.Unit, progress.Year, "", t.TargetValue, t.Actual, t.VerifiedActual, t.Share, "", t.NotSummed);
            foreach (var d in t.Districts)
            {
                table.Add(t.Code, t.Measure, d.Kind, d.Unit, progress.Year, d.District, d.TargetValue, d.Actual, d.VerifiedActual, d.Share, Plan.Codes.Of(d.Status), t.NotSummed);
            }
        }

        return table;
    }
}
