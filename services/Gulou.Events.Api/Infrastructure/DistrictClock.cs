namespace Gulou.Events.Api.Infrastructure;

/// <summary>Dates as the district knows them: China Standard Time, UTC+8 all year.</summary>
public static class DistrictClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
