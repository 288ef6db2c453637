namespace Gulou.Events.Contracts.Reviews;

/// <summary>
/// A year's activities in the layout of the activity block (科普活动) of the annual science-popularization
/// statistics: per responsible unit, the number of activities and the person-times of each column, the columns
/// being the catalog's grouping of activity kinds.
/// </summary>
/// <param name="Total">The district: each activity once, however many units it counts toward.</param>
public sealed record YearStatisticsDto(
    int Year,
    DateTimeOffset Now,
    IReadOnlyList<StatisticsColumnDto> Columns,
    IReadOnlyList<StatisticsRowDto> Units,
    StatisticsRowDto Total);

/// <param name="Kinds">The activity kinds the column counts; the column marked <paramref name="Others"/> also takes every kind no column names.</param>
public sealed record StatisticsColumnDto(string Code, string NameZh, string NameEn, IReadOnlyList<string> Kinds, bool Others);

/// <param name="UnitCode">The unit, or null for the district's total.</param>
/// <param name="Cells">One per column, in the columns' order.</param>
public sealed record StatisticsRowDto(string? UnitCode, string NameZh, string NameEn, IReadOnlyList<StatisticsCellDto> Cells, int Activities, int PersonTimes);

/// <param name="Count">Activities (举办次数).</param>
/// <param name="PersonTimes">Person-times of every audience (参加人次).</param>
public sealed record StatisticsCellDto(string Column, int Count, int PersonTimes);
