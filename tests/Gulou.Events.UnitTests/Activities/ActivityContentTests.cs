using Gulou.Events.Api.Activities;
using Gulou.Events.Contracts;

namespace Gulou.Events.UnitTests.Activities;

public sealed class ActivityContentTests
{
    private static readonly ActivityContent Content = new("lab_open_day", ["ACT-02"], "开放日", new DateOnly(2023, 5, 20), null, "旗山", null, new AudienceCounts(Youth: 3), 1.5m);

    [Fact]
    public void The_hash_changes_with_every_counted_field()
    {
        ActivityContent[] variants =
        [
            Content with { Kind = "exhibition" },
            Content with { MeasureCodes = ["ACT-01"] },
            Content with { Title = "开放日 2" },
            Content with { OccurredOn = new DateOnly(2023, 5, 21) },
            Content with { EndsOn = new DateOnly(2023, 5, 21) },
            Content with { Venue = null },
            Content with { Community = "鼓东街道" },
            Content with { Attendance = new AudienceCounts(Workers: 3) },
            Content with { VolunteerHours = 1.25m },
        ];

        Assert.Equal(variants.Length + 1, variants.Select(v => v.Hash()).Append(Content.Hash()).Distinct().Count());
    }

    [Fact]
    public void Trailing_zeros_of_hours_do_not_change_the_hash() =>
        Assert.Equal(Content.Hash(), (Content with { VolunteerHours = 1.50m }).Hash());

    [Fact]
    public void Codes_are_compared_as_a_set() =>
        Assert.Equal(["ACT-02", "PRJ-01"], ActivityContent.NormalizeCodes([" PRJ-01", "ACT-02", "PRJ-01"]));
}
