using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Export;
using Gulou.Events.Api.Progress.Reading;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Cities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Cities.Reading;

public static class GetCityProgressEndpoint
{
    /// <summary>
    /// The targets of the caller's city, district by district as each district's own <c>GET /api/v1/progress</c> answers
    /// them, and summed over the city where every district runs the target with the same kind, unit and counting and
    /// its figures add up; a target that is not summed says why. <c>plan</c> names the plan (by id) in every district;
    /// without it, each district's plan in force today. Districts may live in different databases. The answer is tagged
    /// (<c>ETag</c>) by the city, the plan and year asked, and each district's own answer (its plan version and the
    /// position of its progress projection): sent back in <c>If-None-Match</c>, an unchanged answer is a 304 without a body.
    /// </summary>
    [WolverineGet("/api/v1/city/progress", OperationId = "GetCityProgress")]
    [Refuses(404, ErrorCodes.NotFound, "no district of the city runs a plan with the id in `plan`")]
    [Authorize(Roles = AccessRoles.CityAuditor)]
    public static async Task<CsvOrJson<CityProgress>> Get(
        [AsParameters] ProgressQuery query, string? plan, HttpContext context, CityRegistry cities, DistrictRegistry districts, DistrictPlanBook book,
        IDocumentStore store, ProgressAnswers answers, ProgressPositions positions, TimeProvider clock, CancellationToken cancellation)
    {
        var city = await cities.OfCallerAsync(context.User, cancellation);
        var today = clock.Today();
        var evaluations = new List<DistrictEvaluation>();
        var rows = new List<CityDistrictDto>();
        // What the answer depends on: the question, and each district's answer (tagged by its plan version and position).
        var parts = new List<string?> { "city", city.Code, plan?.Trim(), query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), today.ToString("O") };
        var tagged = true;
        foreach (var district in city.Districts)
        {
            var name = (await districts.FindAsync(district, cancellation))?.Name ?? district;
            await using var session = store.QuerySession(district);
            var resolved = await ResolveAsync(book, session, plan, cancellation);
            if (resolved is null)
            {
                evaluations.Add(new DistrictEvaluation(district, null, null));
                rows.Add(new CityDistrictDto(district, name, null, null, null));
                parts.AddRange([district, name, "none"]);
                continue;
            }

            var (overview, tag) = await DistrictProgress.EvaluateAsync(new ProgressReader(store, session, answers, positions, book, resolved), query, today, cancellation);
            parts.AddRange([district, name, tag]);
            tagged &= tag is not null;
            evaluations.Add(new DistrictEvaluation(district, resolved, overview));
            rows.Add(new CityDistrictDto(district, name, resolved.Catalog.Id, resolved.ContentHash, overview.Freshness));
        }

        if (plan is not null && evaluations.All(e => e.Plan is null))
        {
            throw ProblemException.NotFound("plan", plan.Trim());
        }

        var progress = new CityProgress(city.Code, city.Name, plan?.Trim(), query.Year, today, rows, CityTargets.Combine(evaluations));
        return new CsvOrJson<CityProgress>(progress, CityCsv.Targets, $"city-{city.Code}-{query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "plan"}",
            tagged ? ProgressAnswers.CombinedTag(parts) : null);
    }

    /// <summary>The district's plan of that id (or in force today), through the district's own plan book; null when it runs no such plan.</summary>
    private static async Task<CurrentPlan?> ResolveAsync(DistrictPlanBook book, IQuerySession session, string? plan, CancellationToken cancellation)
    {
        try
        {
            return await book.ResolveAsync(session, plan, cancellation);
        }
        catch (ProblemException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}
