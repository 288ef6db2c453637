namespace Gulou.Events.Contracts;

/// <summary>Person-times by the plan's audience groups (the four groups of the plan plus the public).</summary>
public sealed record AudienceCounts(int Youth = 0, int Workers = 0, int Elderly = 0, int Cadres = 0, int Public = 0)
{
    public static readonly AudienceCounts None = new();

    public int Total => Youth + Workers + Elderly + Cadres + Public;

    public AudienceCounts Plus(AudienceCounts other) => new(
        Youth + other.Youth,
        Workers + other.Workers,
        Elderly + other.Elderly,
        Cadres + other.Cadres,
        Public + other.Public);

    public AudienceCounts Minus(AudienceCounts other) => new(
        Youth - other.Youth,
        Workers - other.Workers,
        Elderly - other.Elderly,
        Cadres - other.Cadres,
        Public - other.Public);
}
