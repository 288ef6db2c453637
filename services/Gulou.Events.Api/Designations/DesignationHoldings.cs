using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Designations;

/// <summary>What the designations hold on a person: the designations naming them, for the export. Designated teachers and studios have no retention schedule: they are erased on request.</summary>
public sealed class DesignationHoldings : IHoldsPersons
{
    public async Task AddToExportAsync(IQuerySession session, Guid personId, Caller caller, PersonDto? view, PersonExport into, CancellationToken cancellation)
    {
        var designations = await session.Query<DesignationRecord>().Where(d => d.PersonId == personId).ToListAsync(cancellation);
        into.Designations.AddRange(designations.Select(d => d.ToDto(view)));
    }

    public Task<IReadOnlyList<RetentionItemDto>> PastRetentionAsync(IQuerySession session, DateOnly today, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<RetentionItemDto>>([]);
}
