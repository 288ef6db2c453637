using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Rollups;

/// <summary>
/// The additive quantities every progress figure is built from. Adding a record's contribution and later
/// subtracting it leaves nothing behind, which is how corrections, rejections and retractions move figures.
/// The institution counts are kept by the progress fold from the rollup's members (<see cref="RollupMember"/>), never
/// from a list of institutions in the rollup itself.
/// </summary>
public sealed class Figures
{
    public int Activities { get; set; }

    public AudienceCounts Attendance { get; set; } = AudienceCounts.None;

    public decimal VolunteerHours { get; set; }

    /// <summary>The distinct institutions counted in the year; in a coverage target's register (year 0), the schools registered.</summary>
    public int DistinctInstitutions { get; set; }

    /// <summary>The institutions counted in the year for the first time within the period (the target's, else the plan's).</summary>
    public int NewInstitutions { get; set; }

    /// <summary>The schools of the coverage target's register counted in the year.</summary>
    public int Covered { get; set; }

    /// <summary>Designated subjects or volunteers that came in during the year.</summary>
    public int Added { get; set; }

    /// <summary>Designated subjects or volunteers that went out during the year.</summary>
    public int Removed { get; set; }

    /// <summary>The standing survey observation of the year (indicators), or the rank and the number of districts ranked (rankings).</summary>
    public decimal Numerator { get; set; }

    public decimal Denominator { get; set; }

    public bool IsEmpty =>
        Activities == 0 && Attendance == AudienceCounts.None && VolunteerHours == 0 && DistinctInstitutions == 0 && NewInstitutions == 0
        && Covered == 0 && Added == 0 && Removed == 0 && Numerator == 0 && Denominator == 0;

    /// <summary>One activity.</summary>
    public static Figures OfActivity(AudienceCounts attendance, decimal volunteerHours) => new()
    {
        Activities = 1,
        Attendance = attendance,
        VolunteerHours = volunteerHours,
    };

    public void Add(Figures other, int sign = 1)
    {
        Activities += sign * other.Activities;
        Attendance = sign > 0 ? Attendance.Plus(other.Attendance) : Attendance.Minus(other.Attendance);
        VolunteerHours += sign * other.VolunteerHours;
        DistinctInstitutions += sign * other.DistinctInstitutions;
        NewInstitutions += sign * other.NewInstitutions;
        Covered += sign * other.Covered;
        Added += sign * other.Added;
        Removed += sign * other.Removed;
        Numerator += sign * other.Numerator;
        Denominator += sign * other.Denominator;
    }

    public static Figures Sum(IEnumerable<Figures> figures)
    {
        var sum = new Figures();
        foreach (var f in figures)
        {
            sum.Add(f);
        }

        return sum;
    }

    public FiguresDto ToDto() => new(Activities, Attendance, DistinctInstitutions, VolunteerHours);

    /// <summary>
    /// The figures of rollups of one scope and subject: a year's (<paramref name="overPeriod"/> false), or the plan
    /// period's, where each institution counts once, in the year it was first counted (an institution's own rollups:
    /// once, when it counted at all).
    /// </summary>
    public static FiguresDto Describe(IEnumerable<Rollup> rollups, bool official, bool overPeriod)
    {
        var list = rollups.ToList();
        var sum = Sum(list.Select(r => official ? r.Official : r.Verified));
        var institutions = !overPeriod ? sum.DistinctInstitutions
            : list.Count > 0 && list.All(r => RollupKey.OfOneInstitution(r.Scope)) ? Math.Min(1, sum.DistinctInstitutions)
            : sum.NewInstitutions;
        return new FiguresDto(sum.Activities, sum.Attendance, institutions, sum.VolunteerHours);
    }
}
