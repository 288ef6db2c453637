namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Waiting for something another part of the system does in its own time, by asking again: never a fixed sleep.</summary>
public static class Poll
{
    /// <summary>Asks again until the answer satisfies <paramref name="done"/>; gives up (failing) after a generous number of tries.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The condition was not met after 600 tries.");
    }
}
