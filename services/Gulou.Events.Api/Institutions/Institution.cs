using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using JasperFx.Events;

namespace Gulou.Events.Api.Institutions;

/// <summary>An institution or responsible unit, as registered. Inline snapshot of its stream.</summary>
public sealed class Institution : IRecord<Institution>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<InstitutionRegistered>("institution_registered"),
    ];

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public InstitutionKind Kind { get; set; }

    public Role Role { get; set; }

    public string? UnitCode { get; set; }

    public IReadOnlyList<string> LeadsMeasures { get; set; } = [];

    /// <summary>For a school, the stages it teaches (empty for any other institution).</summary>
    public IReadOnlyList<SchoolStage> SchoolStages { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    public long Version { get; set; }

    public bool Leads(IEnumerable<string> measureCodes) => measureCodes.Any(LeadsMeasures.Contains);

    public static Institution Create(IEvent<InstitutionRegistered> e) => new()
    {
        Id = e.Data.InstitutionId,
        Name = e.Data.Name,
        Kind = e.Data.Kind,
        Role = e.Data.Role,
        UnitCode = e.Data.UnitCode,
        LeadsMeasures = e.Data.LeadsMeasures,
        SchoolStages = e.Data.SchoolStages ?? [],
        RegisteredAt = e.Timestamp,
    };

    public InstitutionDto ToDto(IEnumerable<ApiKeyRecord> keys) => new(
        Id, Name, Kind, Role, UnitCode, LeadsMeasures, RegisteredAt,
        keys.OrderBy(k => k.IssuedAt).Select(k => new KeySummary(k.Id, k.Label, k.IssuedAt, k.RevokedAt)).ToList(),
        Version,
        SchoolStages.Count > 0 ? SchoolStages : null);
}
