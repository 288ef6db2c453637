using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts.Designations;
using Gulou.Events.Contracts.Persons;
using JasperFx.Events;

namespace Gulou.Events.Api.Designations;

/// <summary>A designated subject and its awards, one per level. Inline snapshot of the subject's stream.</summary>
public sealed class DesignationRecord : IRecord<DesignationRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<SubjectDesignated>("subject_designated"),
        RecordEvent.Of<DesignationRevoked>("designation_revoked"),
        RecordEvent.Of<DesignationVerified>("designation_verified"),
        RecordEvent.Of<DesignationRejected>("designation_rejected"),
    ];

    public Guid Id { get; set; }

    public DesignationKind Kind { get; set; }

    public string SubjectKey { get; set; } = "";

    public string SubjectName { get; set; } = "";

    /// <summary>A backbone teacher's subject, once a designation named it.</summary>
    public string? TeachingSubject { get; set; }

    public List<AwardDto> Awards { get; set; } = [];

    /// <summary>For a designated person, their id in the register, which holds their name and key.</summary>
    public Guid? PersonId { get; set; }

    public long Version { get; set; }

    public AwardDto? ActiveAward(DesignationLevel level) => Awards.FirstOrDefault(a => a.Level == level && a.RevokedOn is null);

    public bool HasActiveAward => Awards.Any(a => a.RevokedOn is null);

    /// <summary>The awards a decision or a revocation at <paramref name="level"/> (every level when null) applies to.</summary>
    public IEnumerable<AwardDto> AwardsAt(DesignationLevel? level) => Awards.Where(a => level is null || a.Level == level);

    public static DesignationRecord Create(IEvent<SubjectDesignated> e)
    {
        var record = new DesignationRecord { Id = e.Data.DesignationId, Kind = e.Data.Kind, SubjectKey = e.Data.SubjectKey };
        record.Apply(e);
        return record;
    }

    public void Apply(IEvent<SubjectDesignated> e)
    {
        SubjectName = e.Data.SubjectName;
        PersonId = e.Data.PersonId ?? PersonId;
        TeachingSubject = e.Data.TeachingSubject ?? TeachingSubject;
        // A new award at a level replaces the one before it, with its revocation and the decision on it.
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
                // Null for a revocation recorded before the distinction was made, which counts as for cause.
                Awards[i] = Awards[i] with { RevokedOn = e.Data.RevokedOn, RevocationReason = e.Data.Reason, RevokedForCause = e.Data.ForCause };
            }
        }
    }

    public void Apply(IEvent<DesignationVerified> e) =>
        Decide(e.Data.Level, new VerificationDto(VerificationDecision.Verified, e.Data.UnitId, e.Data.Note, e.Timestamp));

    public void Apply(IEvent<DesignationRejected> e) =>
        Decide(e.Data.Level, new VerificationDto(VerificationDecision.Rejected, e.Data.UnitId, e.Data.Reason, e.Timestamp));

    private void Decide(DesignationLevel? level, VerificationDto decision)
    {
        for (var i = 0; i < Awards.Count; i++)
        {
            if (level is null || Awards[i].Level == level)
            {
                Awards[i] = Awards[i] with { Verification = decision };
            }
        }
    }

    /// <summary>The record as an answer; for a designated person, their key and name as <paramref name="person"/> shows them (the person's id when the caller may not see them).</summary>
    public DesignationDto ToDto(PersonDto? person = null) =>
        new(Id, Kind, person?.SubjectKey ?? SubjectKey, person?.Name ?? person?.SubjectKey ?? SubjectName, Awards, Version, TeachingSubject, PersonId);
}
