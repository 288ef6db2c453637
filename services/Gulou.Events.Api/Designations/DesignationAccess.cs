using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Designations;
using Marten;

namespace Gulou.Events.Api.Designations;

public static class DesignationAccess
{
    /// <summary>One stream per designated subject: designating the same subject again adds to that stream.</summary>
    public static Guid IdFor(string tenantId, DesignationKind kind, string subjectKey) =>
        DeterministicGuid.Create("designation", tenantId, kind.ToString(), subjectKey.Trim().ToUpperInvariant());

    /// <summary>
    /// An administrator, or a unit that leads the measure of the target this kind of designation counts toward
    /// (any unit when no target counts it).
    /// </summary>
    public static async Task EnsureMayAwardAsync(IQuerySession session, Caller caller, DesignationKind kind, CurrentPlan plan, CancellationToken cancellation)
    {
        if (caller.Role == Role.Admin)
        {
            return;
        }

        var measures = plan.DesignationTargets(kind).Select(t => t.Measure).OfType<string>().ToList();
        var unit = await session.LoadAsync<Institution>(caller.InstitutionId, cancellation);
        if (unit is null || (measures.Count > 0 && !unit.Leads(measures)))
        {
            throw ProblemException.Forbidden($"Only a unit leading {string.Join(", ", measures)} records designations of this kind.");
        }
    }
}
