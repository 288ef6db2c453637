using Gulou.Events.Api.Progress.Reading;

namespace Gulou.Events.UnitTests.Progress;

public sealed class ProgressAnswersTests
{
    [Fact]
    public async Task Requests_that_miss_together_share_one_evaluation()
    {
        var answers = new ProgressAnswers();
        var gate = new TaskCompletionSource();
        var evaluations = 0;
        async Task<(object, bool)> Evaluate()
        {
            Interlocked.Increment(ref evaluations);
            await gate.Task;
            return ("answer", true);
        }

        var waiting = Enumerable.Range(0, 8).Select(_ => answers.EvaluateOnceAsync("progress\n2024", 42, Evaluate)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(waiting);

        Assert.Equal(1, evaluations);
        Assert.All(results, r => Assert.Equal(("answer", true), r));
    }

    [Fact]
    public async Task A_finished_evaluation_is_not_shared_with_later_requests_nor_across_positions()
    {
        var answers = new ProgressAnswers();
        var evaluations = 0;
        Task<(object, bool)> Evaluate() => Task.FromResult<(object, bool)>((Interlocked.Increment(ref evaluations), true));

        await answers.EvaluateOnceAsync("v", 1, Evaluate);
        await answers.EvaluateOnceAsync("v", 1, Evaluate);
        await answers.EvaluateOnceAsync("v", 2, Evaluate);

        Assert.Equal(3, evaluations);
    }

    [Fact]
    public async Task A_cancelled_evaluation_is_not_kept_as_the_views_flight()
    {
        var answers = new ProgressAnswers();
        var cancelled = answers.EvaluateOnceAsync("v", 7, () => Task.FromCanceled<(object, bool)>(new CancellationToken(true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        var (answer, kept) = await answers.EvaluateOnceAsync("v", 7, () => Task.FromResult<(object, bool)>(("again", false)));

        Assert.Equal("again", answer);
        Assert.False(kept);
    }
}
