using FluentValidation;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Gulou.Events.Api.Progress.Coverage;

/// <summary>
/// The query of <c>GET /api/v1/schools</c>: a coverage target (the plan's only one when left out), a year, covered or
/// not, and the plan (else the one whose period holds the year).
/// </summary>
public sealed record SchoolQuery(
    [FromQuery(Name = "target")] string? Target,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "covered")] bool? Covered,
    [FromQuery(Name = "counted")] CountedAs? Counted,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "plan")] string? Plan = null)
{
    /// <summary>The coverage target the query names, by the plan's catalog; a 400 on <c>target</c> when the plan has no such target.</summary>
    public PlanTarget TargetIn(CurrentPlan plan)
    {
        if (Target is { } code)
        {
            return plan.Target(code) is { Kind: TargetKind.AnnualCoverage } named
                ? named
                : throw ProblemException.Invalid("target", $"'{code}' is not a coverage target of the plan {plan.Catalog.Id}.");
        }

        var coverage = plan.TargetsOfKind(TargetKind.AnnualCoverage).ToList();
        return coverage.Count == 1
            ? coverage[0]
            : throw ProblemException.Invalid("target", coverage.Count == 0
                ? $"The plan {plan.Catalog.Id} has no coverage target."
                : "Name the coverage target.");
    }
}

public sealed class SchoolQueryValidator : AbstractValidator<SchoolQuery>
{
    public SchoolQueryValidator()
    {
        RuleFor(q => q.Year).NotNull().WithMessage("Name the year the schools were covered in.").InclusiveBetween(2000, 2100);
    }
}

public static class ListSchoolsEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// The registered schools a coverage target counts, each with whether the year's counted activities reached it (as
    /// the reporter or the host), by name. <c>covered=false</c> lists the schools the year left out: the drill-down of
    /// the target's figure.
    /// </summary>
    [WolverineGet("/api/v1/schools", OperationId = "ListSchools")]
    [Refuses(404, ErrorCodes.NotFound, "the district has no plan with the id in `plan`")]
    [Authorize(Roles = "admin,unit,auditor")]
    public static async Task<PagedList<SchoolCoverageDto>> List(
        [AsParameters] SchoolQuery query, DistrictPlanBook plans, IQuerySession session, CancellationToken cancellation)
    {
        var (page, size) = Paging.Read(query.Page, query.PageSize, MaxPageSize);
        var year = query.Year!.Value;
        var plan = await plans.ForQueryAsync(session, query.Plan, year, p => p.TargetsOfKind(TargetKind.AnnualCoverage).Any(), cancellation);
        DistrictPlanBook.EnsureHolds(plan.Catalog, year);

        var target = query.TargetIn(plan);

        var schools = (await session.Query<Institution>().Where(i => i.Kind == InstitutionKind.School).ToListAsync(cancellation))
            .Where(i => SchoolCounting.Counts(target, i)).ToList();
        var reached = await ReachedAsync(target, year, query.Counted ?? CountedAs.Official, plan, session, cancellation);

        var rows = schools
            .Select(s => new SchoolCoverageDto(s.Id, s.Name, s.SchoolStages, reached.GetValueOrDefault(s.Id) > 0, reached.GetValueOrDefault(s.Id),
                Drilldown.ForSchool(target.Code, s.Id, year, plan.Catalog.Id)))
            .Where(s => query.Covered is null || s.Covered == query.Covered)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.InstitutionId)
            .ToList();
        return new PagedList<SchoolCoverageDto>(rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    /// <summary>How many of the year's counted activities reached each institution: the target's members, as the progress fold counted them.</summary>
    private static async Task<Dictionary<Guid, int>> ReachedAsync(
        PlanTarget target, int year, CountedAs counted, CurrentPlan plan, IQuerySession session, CancellationToken cancellation)
    {
        var series = (RollupKey.ForTarget(target.Code, year) with { Plan = plan.Catalog.Id }).Series;
        var members = await session.Query<RollupMember>().Where(m => m.Series == series).ToListAsync(cancellation);
        return members.ToDictionary(m => m.InstitutionId, m => m.CountIn(year, official: counted == CountedAs.Official));
    }
}
