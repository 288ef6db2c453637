namespace Gulou.Events.Api.Progress.Rollups;

public enum RollupScope
{
    /// <summary>Every activity of the district in a year.</summary>
    Total,

    /// <summary>A measure in a year.</summary>
    Measure,

    /// <summary>An institution's activities under a measure in a year.</summary>
    Institution,

    /// <summary>All of an institution's activities in a year (each activity once).</summary>
    InstitutionTotal,

    /// <summary>The measures a responsible unit leads, in a year (each activity once).</summary>
    Unit,

    /// <summary>What counts toward a target in a year.</summary>
    Target,
}

/// <summary>
/// Where a contribution goes: one rollup document per plan, scope, subject and year. The counting rules make keys within
/// a plan (<see cref="Plan"/> empty); the progress fold files each under the plan it counted it for.
/// </summary>
public sealed record RollupKey(RollupScope Scope, int Year, string? Measure = null, string? Target = null, Guid? InstitutionId = null, string? Unit = null, string Plan = "")
{
    public string Id => Plan.Length == 0 ? Local : $"{Plan}/{Local}";

    /// <summary>The id of the rollups of every year of the same scope and subject: the id without its year.</summary>
    public string Series => Id[..Id.LastIndexOf('/')];

    /// <summary>Rollups of one institution (its figures in a year, under a measure or in all): their distinct institution is their own.</summary>
    public static bool OfOneInstitution(RollupScope scope) => scope is RollupScope.Institution or RollupScope.InstitutionTotal;

    /// <summary>The key within its plan.</summary>
    public string Local => Scope switch
    {
        RollupScope.Total => $"total/{Year}",
        RollupScope.Measure => $"measure/{Measure}/{Year}",
        RollupScope.Institution => $"institution/{InstitutionId}/{Measure}/{Year}",
        RollupScope.InstitutionTotal => $"institution/{InstitutionId}/{Year}",
        RollupScope.Unit => $"unit/{Unit}/{Year}",
        RollupScope.Target => $"target/{Target}/{Year}",
        _ => throw new ArgumentOutOfRangeException(nameof(Scope), Scope, null),
    };

    public static RollupKey Total(int year) => new(RollupScope.Total, year);

    public static RollupKey ForMeasure(string measure, int year) => new(RollupScope.Measure, year, Measure: measure);

    public static RollupKey ForInstitution(Guid institutionId, string measure, int year) => new(RollupScope.Institution, year, Measure: measure, InstitutionId: institutionId);

    public static RollupKey ForInstitution(Guid institutionId, int year) => new(RollupScope.InstitutionTotal, year, InstitutionId: institutionId);

    public static RollupKey ForUnit(string unit, int year) => new(RollupScope.Unit, year, Unit: unit);

    public static RollupKey ForTarget(string target, int year) => new(RollupScope.Target, year, Target: target);

    /// <summary>
    /// The year of a coverage target's register (the registered schools it must reach): it stands beside the years, as
    /// <c>target/{code}/0</c>, and every year's figure is read against it.
    /// </summary>
    public const int RegisterYear = 0;

    public static RollupKey ForRegister(string target) => new(RollupScope.Target, RegisterYear, Target: target);
}

/// <summary>A progress read model: official and verified figures for one scope, subject and year.</summary>
public sealed class Rollup
{
    public string Id { get; set; } = "";

    /// <summary>The id of the plan whose figures it holds.</summary>
    public string Plan { get; set; } = "";

    public RollupScope Scope { get; set; }

    public int Year { get; set; }

    public string? Measure { get; set; }

    public string? Target { get; set; }

    public Guid? InstitutionId { get; set; }

    public string? Unit { get; set; }

    public Figures Official { get; set; } = new();

    public Figures Verified { get; set; } = new();

    public bool IsEmpty => Official.IsEmpty && Verified.IsEmpty;

    public static Rollup For(RollupKey key) => new()
    {
        Id = key.Id,
        Plan = key.Plan,
        Scope = key.Scope,
        Year = key.Year,
        Measure = key.Measure,
        Target = key.Target,
        InstitutionId = key.InstitutionId,
        Unit = key.Unit,
    };
}

/// <summary>
/// What one record (an activity, a designated subject, a volunteer, an indicator, a school) adds to one rollup: its
/// figures, and the institutions it counts for in the official figures and, when it counts there, in the verified ones.
/// </summary>
public sealed record Contribution(RollupKey Key, Figures? Official, Figures? Verified, IReadOnlyList<Guid>? Institutions = null)
{
    /// <summary>The same contribution filed under a plan.</summary>
    public Contribution Under(string plan) => this with { Key = Key with { Plan = plan } };
}
