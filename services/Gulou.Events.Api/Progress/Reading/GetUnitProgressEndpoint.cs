using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts.Progress;
using Marten;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Progress.Reading;

public static class GetUnitProgressEndpoint
{
    /// <summary>
    /// Figures per institution and per responsible unit, by measure, for a year or the plan period. Every unit the plan
    /// names has a row: the measures it leads and those it takes part in, each with its role, and a total that counts
    /// each activity once. A partner sees only its own row; units, auditors and administrators see every institution and unit.
    /// </summary>
    [WolverineGet("/api/v1/progress/units", OperationId = "GetUnitProgress")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<CsvOrJson<UnitsOverview>> Get(
        [AsParameters] ProgressQuery query, Caller caller, ProgressReader reader, IQuerySession session, HttpResponse response, CancellationToken cancellation)
    {
        var plan = await reader.PlanAsync(query, cancellation);
        var freshness = await reader.FreshnessAsync(query, cancellation);
        bool InScope(Rollup r) => query.Year is null ? plan.Period.Years.Contains(r.Year) : r.Year == query.Year;

        var institutionRollups = (await reader.ScopeAsync(RollupScope.Institution, query.Year, cancellation))
            .Concat(await reader.ScopeAsync(RollupScope.InstitutionTotal, query.Year, cancellation))
            .Where(r => InScope(r) && (!caller.IsPartner || r.InstitutionId == caller.InstitutionId))
            .ToLookup(r => r.InstitutionId!.Value);
        var ids = institutionRollups.Select(g => g.Key).ToArray();
        var names = (await session.LoadManyAsync<Institution>(cancellation, ids)).ToDictionary(i => i.Id, i => i.Name);
        var institutions = institutionRollups
            .Select(g => new InstitutionProgressDto(
                g.Key,
                names.GetValueOrDefault(g.Key, ""),
                Figures.Sum(g.Where(r => r.Scope == RollupScope.InstitutionTotal).Select(r => r.Official)).ToDto(),
                Figures.Sum(g.Where(r => r.Scope == RollupScope.InstitutionTotal).Select(r => r.Verified)).ToDto(),
                ByMeasure(g.Where(r => r.Scope == RollupScope.Institution), m => Drilldown.ForInstitution(g.Key, m, query.Year, plan.Catalog.Id)),
                Drilldown.ForInstitution(g.Key, null, query.Year, plan.Catalog.Id)))
            .OrderByDescending(i => i.Official.Activities).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();

        var units = new List<UnitProgressDto>();
        if (!caller.IsPartner)
        {
            var unitRollups = (await reader.ScopeAsync(RollupScope.Unit, query.Year, cancellation)).Where(InScope).ToLookup(r => r.Unit);
            var measureRollups = (await reader.ScopeAsync(RollupScope.Measure, query.Year, cancellation)).Where(InScope).ToLookup(r => r.Measure!);
            units = plan.Catalog.Units.Select(u =>
                {
                    var leads = plan.MeasuresLedBy(u.Code);
                    var measures = plan.MeasuresOf(u.Code).Select(m => new UnitMeasureFigures(
                            m,
                            leads.Contains(m) ? UnitRole.Lead : UnitRole.Participating,
                            Figures.Sum(measureRollups[m].Select(r => r.Official)).ToDto(),
                            Figures.Sum(measureRollups[m].Select(r => r.Verified)).ToDto(),
                            Drilldown.ForMeasure(m, query.Year, plan.Catalog.Id)))
                        .ToList();
                    return new UnitProgressDto(
                        u.Code, u.Name.Zh, u.Name.En, leads,
                        Figures.Sum(unitRollups[u.Code].Select(r => r.Official)).ToDto(),
                        Figures.Sum(unitRollups[u.Code].Select(r => r.Verified)).ToDto(),
                        measures,
                        Drilldown.ForUnit(u.Code, query.Year, plan.Catalog.Id),
                        plan.MeasuresParticipatedBy(u.Code),
                        u.Code == plan.CoordinatingUnit);
                })
                .Where(u => u.Measures.Count > 0)
                .ToList();
        }

        FreshnessHeaders.Write(response, freshness);
        return new CsvOrJson<UnitsOverview>(new UnitsOverview(query.Year, freshness, institutions, units), ProgressCsv.Units, "units");
    }

    private static List<MeasureFigures> ByMeasure(IEnumerable<Rollup> rollups, Func<string, string> drilldown) =>
        rollups.GroupBy(r => r.Measure!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MeasureFigures(g.Key, Figures.Sum(g.Select(r => r.Official)).ToDto(), Figures.Sum(g.Select(r => r.Verified)).ToDto(), drilldown(g.Key)))
            .ToList();
}
