using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Rollups;

/// <summary>
/// The additive quantities every progress figure is built from. Adding a record's contribution and later
/// subtracting it leaves nothing behind, which is how corrections, rejections and retractions move figures.
/// </summary>
public sealed class Figures
{
    public int Activities { get; set; }

    public AudienceCounts Attendance { get; set; } = AudienceCounts.None;

    public decimal VolunteerHours { get; set; }

    /// <summary>Activities per institution; its keys are the distinct institutions.</summary>
    public Dictionary<Guid, int> Institutions { get; set; } = [];

    /// <summary>Designated subjects or volunteers that came in during the year.</summary>
    public int Added { get; set; }

    /// <summary>Designated subjects or volunteers that went out during the year.</summary>
    public int Removed { get; set; }

    /// <summary>The standing survey observation of the year (indicators), or the rank and the number of districts ranked (rankings).</summary>
    public decimal Numerator { get; set; }

    public decimal Denominator { get; set; }

    public bool IsEmpty =>
        Activities == 0 && Attendance == AudienceCounts.None && VolunteerHours == 0 && Institutions.Count == 0
        && Added == 0 && Removed == 0 && Numerator == 0 && Denominator == 0;

    /// <summary>One activity, counted for each of the (distinct) institutions given.</summary>
    public static Figures OfActivity(IEnumerable<Guid> institutions, AudienceCounts attendance, decimal volunteerHours) => new()
    {
        Activities = 1,
        Attendance = attendance,
        VolunteerHours = volunteerHours,
        Institutions = institutions.Distinct().ToDictionary(i => i, _ => 1),
    };

    public void Add(Figures other, int sign = 1)
    {
        Activities += sign * other.Activities;
        Attendance = sign > 0 ? Attendance.Plus(other.Attendance) : Attendance.Minus(other.Attendance);
        VolunteerHours += sign * other.VolunteerHours;
        Added += sign * other.Added;
        Removed += sign * other.Removed;
        Numerator += sign * other.Numerator;
        Denominator += sign * other.Denominator;
        foreach (var (institution, count) in other.Institutions)
        {
            var total = Institutions.GetValueOrDefault(institution) + (sign * count);
            if (total == 0)
            {
                Institutions.Remove(institution);
            }
            else
            {
                Institutions[institution] = total;
            }
        }
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

    public FiguresDto ToDto() => new(Activities, Attendance, Institutions.Count, VolunteerHours);
}
