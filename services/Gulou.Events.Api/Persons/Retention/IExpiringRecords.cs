using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Persons.Retention;

/// <summary>
/// A slice that keeps personal information until a day of its own (evidence until its <c>expiresOn</c>). The retention
/// schedule asks it what is past that day, and has it record the expiries: the slice appends its own events.
/// </summary>
public interface IExpiringRecords
{
    Task<IReadOnlyList<EvidenceExpiryDto>> DueAsync(IQuerySession session, DateOnly today, CancellationToken cancellation);

    /// <summary>Records the expiries; nothing is saved, the caller saves.</summary>
    Task ExpireAsync(IDocumentSession session, IReadOnlyList<EvidenceExpiryDto> due, CancellationToken cancellation);
}
