using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Duplicates;

public static class ListDuplicatesEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Groups of likely duplicates among the year's activities that are neither rejected nor retracted: the same kind
    /// on the same day, reported by different institutions, with alike titles (see docs/counting.md). A unit rejects
    /// one of a group as <c>duplicate_of</c> another, and it leaves the figures (and the group).
    /// </summary>
    [WolverineGet("/api/v1/activities/duplicates", OperationId = "ListDuplicates")]
    [Authorize(Roles = "admin,unit,auditor")]
    public static async Task<PagedList<DuplicateGroupDto>> List(int? year, int? page, int? pageSize, Caller caller, TimeProvider clock, IQuerySession session, CancellationToken cancellation)
    {
        if (year is not (>= 2000 and <= 2100))
        {
            throw ProblemException.Invalid("year", "Name the year (2000 to 2100) to look for duplicates in.");
        }

        var (p, size) = Paging.Read(page, pageSize, MaxPageSize);
        var candidates = await session.Query<ActivityRecord>()
            .Where(ActivityRules.Standing)
            .Where(a => a.Year == year)
            .OrderBy(a => a.ReportedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.InstitutionId, a.Kind, a.OccurredOn, a.Title })
            .ToListAsync(cancellation);
        var groups = DuplicateGroups.Find(candidates.Select(c => new DuplicateCandidate(c.Id, c.InstitutionId, c.Kind, c.OccurredOn, c.Title)));

        var shown = groups.Skip((p - 1) * size).Take(size).ToList();
        var activities = (await session.LoadManyAsync<ActivityRecord>(cancellation, shown.SelectMany(g => g.Ids).ToArray())).ToDictionary(a => a.Id);
        var items = shown.Select(g => new DuplicateGroupDto(g.Kind, g.OccurredOn, g.Similarity, g.Ids.Select(id => activities[id].ToDto(EvidenceAudience.Of(caller, clock))).ToList())).ToList();
        return new PagedList<DuplicateGroupDto>(items, groups.Count, p, size);
    }
}
