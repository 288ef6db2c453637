namespace Gulou.Events.Api.Districts;

/// <summary>A district's code is the tenant its data is kept under, for good: short, lower-case, safe in any identifier.</summary>
public static class DistrictCodes
{
    public const string Pattern = "^[a-z][a-z0-9-]{1,39}$";

    public const string Rule = "Use 2 to 40 lower-case letters, digits and hyphens, starting with a letter.";
}
