using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Volunteers;
using Marten;

namespace Gulou.Events.Api.Persons;

/// <summary>
/// A slice whose records name people by their person id (volunteers, designations). The register knows none of them:
/// each registers its implementation, and the export and the retention schedule ask every one.
/// </summary>
public interface IHoldsPersons
{
    /// <summary>Adds what the slice records on the person to their export (PIPL Art. 45), as the caller may see it.</summary>
    Task AddToExportAsync(IQuerySession session, Guid personId, Caller caller, PersonDto? view, PersonExport into, CancellationToken cancellation);

    /// <summary>The people the slice keeps no longer than a retention period, past it on <paramref name="today"/> (erased or not).</summary>
    Task<IReadOnlyList<RetentionItemDto>> PastRetentionAsync(IQuerySession session, DateOnly today, CancellationToken cancellation);
}

/// <summary>The records on a person that the slices holding people add to the person's export.</summary>
public sealed class PersonExport
{
    public VolunteerDto? Volunteer { get; set; }

    public List<DesignationDto> Designations { get; } = [];
}
