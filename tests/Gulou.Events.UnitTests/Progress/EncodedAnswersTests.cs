using Gulou.Events.Api.Progress.Export;

namespace Gulou.Events.UnitTests.Progress;

public sealed class EncodedAnswersTests
{
    private readonly List<string> _encoded = [];

    [Fact]
    public void An_answer_is_encoded_once_per_tag_and_past_the_capacity_the_oldest_go_first()
    {
        var answers = new EncodedAnswers(capacity: 3);
        foreach (var tag in new[] { "a", "b", "c", "a", "d", "b", "c", "d" })
        {
            Assert.Equal(tag, System.Text.Encoding.UTF8.GetString(answers.Json(tag, () => Encode(tag))));
        }

        // "a" was dropped for "d"; "b", "c" and "d" were served from memory when asked again.
        Assert.Equal(["a", "b", "c", "d"], _encoded);
        Assert.Equal(3, answers.Count);

        answers.Json("a", () => Encode("a"));
        Assert.Equal(["a", "b", "c", "d", "a"], _encoded);
        answers.Json("c", () => Encode("c"));
        answers.Json("b", () => Encode("b"));
        Assert.Equal(["a", "b", "c", "d", "a", "b"], _encoded);
    }

    private byte[] Encode(string tag)
    {
        _encoded.Add(tag);
        return System.Text.Encoding.UTF8.GetBytes(tag);
    }
}
