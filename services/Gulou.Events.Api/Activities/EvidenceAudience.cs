using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;

namespace Gulou.Events.Api.Activities;

/// <summary>
/// Who reads evidence, and on which day. Evidence that shows children under 14 is sensitive personal information (PIPL
/// Art. 28): its address and description are shown to units, auditors and administrators only; a partner, the reporter
/// included, sees that it exists. Evidence past its <c>expiresOn</c> shows neither to anyone, from the next day on,
/// whether or not the retention schedule has recorded its expiry yet.
/// </summary>
public sealed record EvidenceAudience(bool SeesMinors, DateOnly Today)
{
    public static EvidenceAudience Of(Caller caller, TimeProvider clock) =>
        new(caller.Role is Role.Unit or Role.Auditor or Role.Admin, clock.Today());

    /// <summary>Kept until the end of <paramref name="expiresOn"/>, gone the day after.</summary>
    public static bool IsPast(DateOnly? expiresOn, DateOnly today) => expiresOn is { } last && last < today;

    public EvidenceDto Show(EvidenceDto evidence)
    {
        if (evidence.Expired || IsPast(evidence.ExpiresOn, Today))
        {
            return evidence with { Uri = null, Description = null, Expired = true };
        }

        return evidence.ContainsMinors && !SeesMinors ? evidence with { Uri = null, Description = null } : evidence;
    }

    /// <summary>An event of an activity's history as the audience may see it: an attachment without what it withholds.</summary>
    public object Show(object data, IReadOnlySet<Guid> expired) => data switch
    {
        EvidenceAttached attached when expired.Contains(attached.EvidenceId) || IsPast(attached.ExpiresOn, Today) || (attached.ContainsMinors && !SeesMinors) =>
            new WithheldEvidence(attached.ActivityId, attached.EvidenceId, attached.Kind, attached.Sha256, attached.ContainsMinors, attached.ExpiresOn),
        _ => data,
    };
}

/// <summary>An attachment in a history whose address and description are withheld from the reader or have expired.</summary>
public sealed record WithheldEvidence(Guid ActivityId, Guid EvidenceId, EvidenceKind Kind, string? Sha256, bool ContainsMinors, DateOnly? ExpiresOn)
{
    public bool Withheld => true;
}
