namespace Gulou.Events.Contracts.Activities;

/// <summary>Where an activity stands. Serialised in snake_case (<c>needs_review</c>); only <c>reported</c> and
/// <c>verified</c> count in the official figures, only <c>verified</c> in the verified ones.</summary>
public enum ActivityStatus
{
    /// <summary>Reported and awaiting a unit's decision, or verified and then amended (the verification no longer stands).</summary>
    Reported,

    /// <summary>A unit verified the figures as they stand.</summary>
    Verified,

    /// <summary>A unit rejected the report.</summary>
    Rejected,

    /// <summary>The reporting institution withdrew the report.</summary>
    Retracted,

    /// <summary>Rejected, then amended by its reporter: awaiting a unit's new decision, and out of the figures until then.</summary>
    Resubmitted,

    /// <summary>Held at write time because its person-times exceed the ceiling of its kind: out of the figures until a unit verifies it.</summary>
    NeedsReview,
}
