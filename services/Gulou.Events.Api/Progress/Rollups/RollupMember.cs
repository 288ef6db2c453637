namespace Gulou.Events.Api.Progress.Rollups;

/// <summary>
/// One institution counted in the rollups of a shared scope and subject (the district's total, a measure, a unit, a
/// target): how many of the records counted there count it, year by year (year 0: a coverage target's register), and
/// the year it was first counted within the period. The progress fold keeps these beside the rollups, which hold only
/// the numbers made of them: an institution counted 0 → n times in a year adds one to that year's distinct
/// institutions, n → 0 takes it away, and a member counted nowhere is deleted. Rollups of one institution have none.
/// </summary>
public sealed class RollupMember
{
    /// <summary>The series (<see cref="RollupKey.Series"/>) and the institution.</summary>
    public string Id { get; set; } = "";

    public string Plan { get; set; } = "";

    /// <summary>The id of the rollups without their year: <c>{plan}/measure/ACT-02</c>, <c>{plan}/target/T-SCHOOLS</c>.</summary>
    public string Series { get; set; } = "";

    public Guid InstitutionId { get; set; }

    /// <summary>The years it is counted in, in order.</summary>
    public List<MemberYear> Years { get; set; } = [];

    /// <summary>The first year of the period it is counted in officially; the year whose rollup counts it as new.</summary>
    public int? FirstOfficial { get; set; }

    public int? FirstVerified { get; set; }

    public static string IdOf(string series, Guid institution) => $"{series}/{institution}";

    /// <summary>How many records count it in the year, in the official or the verified figures.</summary>
    public int CountIn(int year, bool official) =>
        Years.FirstOrDefault(y => y.Year == year) is { } counted ? (official ? counted.Official : counted.Verified) : 0;

    /// <summary>The years it is counted in, officially or verified.</summary>
    public IReadOnlySet<int> CountedYears(bool official) => Years.Where(y => (official ? y.Official : y.Verified) > 0).Select(y => y.Year).ToHashSet();

    /// <summary>Adds records that count it (or, negative, takes them away) in a year.</summary>
    public void Add(int year, int official, int verified)
    {
        var index = Years.FindIndex(y => y.Year >= year);
        if (index < 0 || Years[index].Year != year)
        {
            index = index < 0 ? Years.Count : index;
            Years.Insert(index, new MemberYear { Year = year });
        }

        Years[index].Official += official;
        Years[index].Verified += verified;
        if (Years[index] is { Official: 0, Verified: 0 })
        {
            Years.RemoveAt(index);
        }
    }
}

public sealed class MemberYear
{
    public int Year { get; set; }

    public int Official { get; set; }

    public int Verified { get; set; }
}
