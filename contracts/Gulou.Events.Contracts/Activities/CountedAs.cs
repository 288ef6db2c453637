namespace Gulou.Events.Contracts.Activities;

/// <summary>Which activities count in a figure: those counted officially (neither rejected nor retracted) or only the verified ones.</summary>
public enum CountedAs
{
    Official,
    Verified,
}
