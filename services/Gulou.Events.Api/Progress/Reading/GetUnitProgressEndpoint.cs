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
        var overPeriod = query.Year is null;

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
                Figures.Describe(g.Where(r => r.Scope == RollupScope.InstitutionTotal), official: true, overPeriod),
                Figures.Describe(g.Where(r => r.Scope == RollupScope.InstitutionTotal), official: false, overPeriod),
                ByMeasure(g.Where(r => r.Scope == RollupScope.Institution), overPeriod, m => Drilldown.ForInstitution(g.Key, m, query.Year, plan.Catalog.Id)),
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
                            Figures.Describe(measureRollups[m], official: true, overPeriod),
                            Figures.Describe(measureRollups[m], official: false, overPeriod),
                            Drilldown.ForMeasure(m, query.Year, plan.Catalog.Id)))
                        .ToList();
                    return new UnitProgressDto(
                        u.Code, u.Name.Zh, u.Name.En, leads,
                        Figures.Describe(unitRollups[u.Code], official: true, overPeriod),
                        Figures.Describe(unitRollups[u.Code], official: false, overPeriod),
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

    private static List<MeasureFigures> ByMeasure(IEnumerable<Rollup> rollups, bool overPeriod, Func<string, string> drilldown) =>
        rollups.GroupBy(r => r.Measure!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MeasureFigures(g.Key, Figures.Describe(g, official: true, overPeriod), Figures.Describe(g, official: false, overPeriod), drilldown(g.Key)))
            .ToList();
}
