namespace Gulou.Events.Contracts;

/// <summary>The audience group codes, as they appear in requests, reports and CSV headers.</summary>
public static class AudienceGroups
{
    public const string Youth = "youth";
    public const string Workers = "workers";
    public const string Elderly = "elderly";
    public const string Cadres = "cadres";
    public const string Public = "public";

    public static readonly IReadOnlyList<string> All = [Youth, Workers, Elderly, Cadres, Public];
}
