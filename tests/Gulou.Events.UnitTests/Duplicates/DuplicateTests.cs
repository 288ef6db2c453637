using Gulou.Events.Api.Activities.Duplicates;

namespace Gulou.Events.UnitTests.Duplicates;

public sealed class DuplicateTests
{
    private static readonly DateOnly Day = new(2023, 5, 20);

    [Theory]
    [InlineData("２０２３年 鼓楼区青少年机器人竞赛！", "2023年鼓楼区青少年机器人竞赛")]
    [InlineData("Robot  Contest (Gulou)", "robotcontestgulou")]
    [InlineData("“科普日”——主题活动\t", "科普日主题活动")]
    [InlineData("ＡＢＣ－１２３", "abc123")]
    public void Width_case_punctuation_and_whitespace_do_not_matter(string title, string normalized) =>
        Assert.Equal(normalized, TitleSimilarity.Normalize(title));

    [Theory]
    // A year moved into brackets at the end: 13 of 15 and 14 bigrams shared.
    [InlineData("2023年鼓楼区青少年机器人竞赛", "鼓楼区青少年机器人竞赛（2023）", 0.8966)]
    [InlineData("青少年机器人竞赛", "青少年机器人竞赛", 1)]
    // One word added to a short title.
    [InlineData("化学实验室开放日", "化学实验室开放日活动", 0.875)]
    [InlineData("青少年机器人竞赛", "青少年科技创新大赛", 0.2667)]
    [InlineData("讲座", "讲", 0)]
    [InlineData("讲", "讲", 1)]
    public void Likeness_is_the_dice_coefficient_of_character_bigrams(string a, string b, double expected) =>
        Assert.Equal((decimal)expected, TitleSimilarity.Of(TitleSimilarity.Normalize(a), TitleSimilarity.Normalize(b)));

    [Fact]
    public void Alike_reports_of_the_same_kind_and_day_from_different_institutions_form_a_group()
    {
        var (organiser, school1, school2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        DuplicateCandidate[] candidates =
        [
            new(Guid.NewGuid(), organiser, "competition", Day, "2023年鼓楼区青少年机器人竞赛"),
            new(Guid.NewGuid(), school1, "competition", Day, "鼓楼区青少年机器人竞赛（2023）"),
            new(Guid.NewGuid(), school2, "competition", Day, "２０２３年鼓楼区青少年机器人竞赛"),
            // Unlike title, another day, another kind, the same institution: none of these belong.
            new(Guid.NewGuid(), school2, "competition", Day, "青少年科技创新大赛"),
            new(Guid.NewGuid(), school1, "competition", Day.AddDays(1), "2023年鼓楼区青少年机器人竞赛"),
            new(Guid.NewGuid(), school1, "lab_open_day", Day, "2023年鼓楼区青少年机器人竞赛"),
            new(Guid.NewGuid(), organiser, "competition", Day, "2023年鼓楼区青少年机器人竞赛 "),
        ];

        var group = Assert.Single(DuplicateGroups.Find(candidates.Take(6)));

        Assert.Equal(candidates.Take(3).Select(c => c.Id), group.Ids);
        Assert.Equal(0.8966m, group.Similarity);
        Assert.Equal(("competition", Day), (group.Kind, group.OccurredOn));
        // The organiser's second report is alike too, and joins through the others.
        Assert.Equal(4, Assert.Single(DuplicateGroups.Find(candidates)).Ids.Count);
    }

    [Fact]
    public void One_institutions_reports_alone_are_never_a_group()
    {
        var school = Guid.NewGuid();

        Assert.Empty(DuplicateGroups.Find([new(Guid.NewGuid(), school, "competition", Day, "机器人竞赛"), new(Guid.NewGuid(), school, "competition", Day, "机器人竞赛")]));
    }
}
