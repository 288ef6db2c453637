using Gulou.Events.Contracts.Designations;
using JasperFx.Events;

namespace Gulou.Events.Api.Designations;

/// <summary>A designated subject and its awards, one per level. Inline snapshot of the subject's stream.</summary>
public sealed class DesignationRecord
{
    public Guid Id { get; set; }

    public DesignationKind Kind { get; set; }

    public string SubjectKey { get; set; } = "";

    public string SubjectName { get; set; } = "";

    public List<AwardDto> Awards { get; set; } = [];

    public long Version { get; set; }

    public AwardDto? ActiveAward(DesignationLevel level) => Awards.FirstOrDefault(a => a.Level == level && a.RevokedOn is null);

    public bool HasActiveAward => Awards.Any(a => a.RevokedOn is null);

    public static DesignationRecord Create(IEvent<SubjectDesignated> e)
    {
        var record = new DesignationRecord { Id = e.Data.DesignationId, Kind = e.Data.Kind, SubjectKey = e.Data.SubjectKey };
        record.Apply(e);
        return record;
    }

    public void Apply(IEvent<SubjectDesignated> e)
    {
        SubjectName = e.Data.SubjectName;
        Awards.RemoveAll(a => a.Level == e.Data.Level);
        Awards.Add(new AwardDto(e.Data.Level, e.Data.AwardedOn, e.Data.UnitId, null, null));
        Awards.Sort((a, b) => a.Level.CompareTo(b.Level));
    }

    public void Apply(IEvent<DesignationRevoked> e)
    {
        for (var i = 0; i < Awards.Count; i++)
        {
            if (Awards[i].RevokedOn is null && (e.Data.Level is null || Awards[i].Level == e.Data.Level))
            {
                Awards[i] = Awards[i] with { RevokedOn = e.Data.RevokedOn, RevocationReason = e.Data.Reason };
            }
        }
    }

    public DesignationDto ToDto() => new(Id, Kind, SubjectKey, SubjectName, Awards, Version);
}
