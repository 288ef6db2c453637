using System.Text.Json.Serialization;

namespace Gulou.Events.Contracts.Plan;

/// <summary>
/// A plan as data: its sections, measures, responsible units, targets and the activity kinds partners
/// report. Loaded from a file that ships with the service; codes are the contract.
/// </summary>
/// <param name="CoordinatingUnit">The unit that coordinates the whole plan (综合协调), by code: it may decide on reports
/// under every measure. 区科协 (<c>CAST</c>) for the Gulou plan (section 四（一）).</param>
/// <param name="ReportingDeadline">The day of the following year by which a year's activities are due (end of day,
/// UTC+8); reports after it are late in a year's completeness. 31 January when left out.</param>
/// <param name="StatisticsColumns">The columns of the annual statistics table (科普活动) and the activity kinds each counts.</param>
public sealed record PlanCatalog(
    string Id,
    LocalizedText Title,
    PlanPeriod Period,
    IReadOnlyList<PlanSection> Sections,
    IReadOnlyList<PlanMeasure> Measures,
    IReadOnlyList<ResponsibleUnit> Units,
    IReadOnlyList<PlanTarget> Targets,
    IReadOnlyList<ActivityKind> ActivityKinds,
    string? CoordinatingUnit = null,
    AnnualDeadline? ReportingDeadline = null,
    IReadOnlyList<StatisticsColumn>? StatisticsColumns = null);

/// <summary>A day of the year after the one it concerns (month and day).</summary>
public sealed record AnnualDeadline(int Month, int Day);

/// <summary>
/// A column of the activity block of the annual science-popularization statistics (科普讲座, 科普展览 …) and the activity
/// kinds it counts. The column marked <paramref name="Others"/> takes every kind no column names, kinds added later included.
/// </summary>
public sealed record StatisticsColumn(string Code, LocalizedText Name, IReadOnlyList<string> Kinds, bool Others = false);

public sealed record LocalizedText(string Zh, string En);

public sealed record PlanPeriod(int From, int To)
{
    [JsonIgnore]
    public DateOnly Start => new(From, 1, 1);

    [JsonIgnore]
    public DateOnly End => new(To, 12, 31);

    [JsonIgnore]
    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public bool Holds(int year) => From <= year && year <= To;
}

/// <summary>An improvement action (提升行动) or a key project (重点工程).</summary>
public sealed record PlanSection(
    string Code,
    SectionKind Kind,
    LocalizedText Title,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> ParticipatingUnits);

public enum SectionKind
{
    ImprovementAction,
    KeyProject,
}

/// <summary>A numbered measure of the plan; its units are those the plan lists under 责任单位 for its section.</summary>
public sealed record PlanMeasure(
    string Code,
    int Number,
    string Section,
    LocalizedText Title,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> ParticipatingUnits);

/// <summary>A responsible unit (责任单位) as the plan names it.</summary>
public sealed record ResponsibleUnit(string Code, LocalizedText Name);

/// <summary>A quantitative target of the plan and how it is counted.</summary>
/// <param name="Measure">The measure the target belongs to, or null for the plan's overall goal.</param>
/// <param name="PlanText">The sentence of the plan that sets the target, verbatim.</param>
/// <param name="Comparison">Whether the actual must reach (<c>at_least</c>) or exceed (<c>greater_than</c>) the value, or, for a
/// rank, be at most the value (<c>at_most</c>).</param>
/// <param name="Beside">The target this one is read beside (a ranking beside the figure it ranks), or null.</param>
public sealed record PlanTarget(
    string Code,
    string? Measure,
    string PlanText,
    LocalizedText Metric,
    TargetKind Kind,
    decimal Value,
    string Unit,
    TargetComparison Comparison,
    PlanPeriod Period,
    DateOnly Deadline,
    TargetCounting Counting,
    string? Beside = null);

public enum TargetKind
{
    /// <summary>A survey ratio, e.g. the share of citizens with scientific literacy.</summary>
    Indicator,

    /// <summary>A sum that must be reached in every year of the period.</summary>
    AnnualSum,

    /// <summary>Distinct institutions over the whole period.</summary>
    CumulativeDistinctInstitutions,

    /// <summary>Distinct designated subjects (communities, bases …) over the whole period.</summary>
    CumulativeDistinctDesignations,

    /// <summary>Distinct persons (by keyed hash) over the whole period.</summary>
    CumulativeDistinctPersons,

    /// <summary>A share (percent) of the district's registered schools of some stages reached in every year of the period.</summary>
    AnnualCoverage,

    /// <summary>The district's rank among the districts of the city or the province, from a published ranking.</summary>
    Ranking,
}

public enum TargetComparison
{
    AtLeast,
    GreaterThan,

    /// <summary>A rank: first is best, the goal is met at or above it.</summary>
    AtMost,
}

/// <summary>How a target of designated subjects or persons reads its sentence of the plan.</summary>
public enum TargetReading
{
    /// <summary>What came in within the plan period ("创建劳模工作室4家"): a revocation for cause takes one out, the end of a term does not.</summary>
    NewInPeriod,

    /// <summary>What stands at the end of the year, older ones included ("社区数达到30个"): every revocation takes one out.</summary>
    Standing,
}

/// <summary>Whose districts a ranking ranks the district among.</summary>
public enum RankingScope
{
    City,
    Province,
}

/// <summary>A subject a backbone teacher teaches, from the plan's list of science and related subjects.</summary>
public sealed record TeachingSubject(string Code, LocalizedText Name);

/// <summary>Which records count toward a target. Only the fields that apply to the target's kind are set.</summary>
/// <param name="ActivityKinds">Activities of these kinds count (activity targets); for a persons target, the kinds whose volunteer hours are shown beside it.</param>
/// <param name="Audience">Only this audience group counts: its person-times are summed, or it must be present.</param>
/// <param name="DesignationKind">Designations of this kind count (designation targets).</param>
/// <param name="DesignationLevel">Only designations at this level count; null for any level.</param>
/// <param name="Reading">Designation and persons targets: whether they count what came in within the period or what stands.</param>
/// <param name="ObservedBy">Units (by code) that record observations of an indicator or ranking without a measure.</param>
/// <param name="TeachingSubjects">Only designated teachers of one of these subjects count; a teacher's designation must name one.</param>
/// <param name="RankedAmong">Rankings: among the districts of the city or of the province.</param>
/// <param name="HeldThroughout">Rankings: the goal must hold at every ranking of the period ("继续保持"), not only the latest.</param>
/// <param name="SchoolStages">For a coverage target: registered schools of any of these stages (<c>primary</c>,
/// <c>junior_secondary</c>, <c>senior_secondary</c>) make up the whole that must be covered.</param>
public sealed record TargetCounting(
    IReadOnlyList<string>? ActivityKinds = null,
    string? Audience = null,
    string? DesignationKind = null,
    string? DesignationLevel = null,
    TargetReading? Reading = null,
    IReadOnlyList<string>? ObservedBy = null,
    IReadOnlyList<TeachingSubject>? TeachingSubjects = null,
    RankingScope? RankedAmong = null,
    bool HeldThroughout = false,
    IReadOnlyList<string>? SchoolStages = null);

/// <summary>A kind of activity partners report, and the measures it counts toward unless the report names others.</summary>
/// <param name="PersonTimesCeiling">The most person-times (all audiences together) one report of this kind plausibly
/// reaches; a report or amendment above it is held for a unit's review (<c>needs_review</c>). Null: no ceiling.</param>
public sealed record ActivityKind(string Code, LocalizedText Name, IReadOnlyList<string> DefaultMeasures, int? PersonTimesCeiling = null);
