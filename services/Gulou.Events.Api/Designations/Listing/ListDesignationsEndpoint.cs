using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Plan;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Designations.Listing;

public static class ListDesignationsEndpoint
{
    /// <summary>
    /// Designated subjects. With <c>target</c>, exactly those the target counts at the end of <c>year</c> (or of the
    /// plan period) by the target's rule (see docs/counting.md): with <c>counted=verified</c> only verified ones, with
    /// <c>removed=true</c> instead those it counted once and took out by then (revoked, with the reason).
    /// </summary>
    /// <param name="kind">certified_community, science_base, model_worker_studio or backbone_teacher.</param>
    /// <param name="counted">official (the default) or verified; only with <c>target</c>.</param>
    /// <param name="removed">true: the subjects the target counted and took out by the end of the year; only with <c>target</c>.</param>
    [WolverineGet("/api/v1/designations", OperationId = "ListDesignations")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<PagedList<DesignationDto>> List(
        IQuerySession session, Caller caller, PersonRegister register, CurrentPlan plan, string? kind, DesignationLevel? level, string? target, int? year, string? counted, bool? removed,
        int? page, int? pageSize, CancellationToken cancellation)
    {
        var (p, size) = Paging.Read(page, pageSize, 500);
        var ofKind = Codes.ParseQuery<DesignationKind>("kind", kind);
        var countedAs = Codes.ParseQuery<CountedAs>("counted", counted) ?? CountedAs.Official;
        PlanTarget? counting = null;
        if (target is not null)
        {
            counting = plan.Target(target) is { Counting.DesignationKind: not null } t ? t : throw ProblemException.Invalid("target", $"'{target}' is not a target that counts designations.");
            ofKind = Enum.GetValues<DesignationKind>().Single(k => Codes.Of(k) == counting.Counting.DesignationKind);
        }

        var query = session.Query<DesignationRecord>().AsQueryable();
        if (ofKind is { } k)
        {
            query = query.Where(d => d.Kind == k);
        }

        // A district holds hundreds of designations, not millions: the award rules are applied in memory.
        var all = await query.OrderBy(d => d.SubjectKey).ToListAsync(cancellation);
        IEnumerable<DesignationRecord> matching = all;
        if (counting is not null)
        {
            var at = year ?? plan.Period.To;
            matching = matching.Where(d => DesignationCounting.SpanOf(d, counting, plan.Period)?.ListedAt(at, countedAs, removed == true) == true);
        }
        else if (level is { } l)
        {
            matching = matching.Where(d => d.Awards.Any(a => a.Level == l));
        }

        var list = matching.ToList();
        return new PagedList<DesignationDto>(await DesignationReads.ToDtosAsync(list.Skip((p - 1) * size).Take(size).ToList(), caller, register, session, cancellation), list.Count, p, size);
    }

    /// <summary>A designated subject with every award it holds or held, and its <c>version</c>.</summary>
    [WolverineGet("/api/v1/designations/{id}", OperationId = "GetDesignation")]
    [Authorize(Roles = AccessRoles.Readers)]
    public static async Task<DesignationDto> Get(Guid id, Caller caller, PersonRegister register, IQuerySession session, CancellationToken cancellation) =>
        await DesignationReads.ToDtoAsync(
            await session.LoadAsync<DesignationRecord>(id, cancellation) ?? throw ProblemException.NotFound("designation", id), caller, register, session, cancellation);
}
