using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Contracts.Progress;

namespace Gulou.Events.Api.Progress.Reading;

/// <summary>
/// Evaluated progress answers kept in memory, one per district and view (the plan, the route, its code and year, and
/// the day where the evaluation reads today), each with the position of the progress projection it was evaluated at.
/// The rollups change only when the projection applies events, so the answer at a position is the answer for as long
/// as the projection stands there; a rebuild makes, at each position, the documents the live projection made at it.
/// An answer is kept only when it was evaluated in one snapshot with the position it is kept under.
/// </summary>
public sealed class ProgressAnswers
{
    /// <summary>What identifies this build: a release that counts differently must not be taken for the one before it.</summary>
    private static readonly string Build = typeof(ProgressAnswers).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentDictionary<string, (long Position, object Answer)> _answers = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<(string View, long Position), Lazy<Task<(object Answer, bool Kept)>>> _flights = new();

    public bool TryGet<T>(string view, long position, out T answer) where T : class
    {
        if (_answers.TryGetValue(view, out var entry) && entry.Position == position && entry.Answer is T kept)
        {
            answer = kept;
            return true;
        }

        answer = null!;
        return false;
    }

    /// <summary>
    /// One evaluation per view and position at a time: the requests that miss the same answer together (after a write
    /// moved the projection, every client misses at once) wait for the evaluation the first of them started, rather
    /// than each reading the rollups. The evaluation runs under the token of the request that started it; when that
    /// request goes away, the others see its cancellation and start again (see <see cref="ProgressReader"/>).
    /// </summary>
    public Task<(object Answer, bool Kept)> EvaluateOnceAsync(string view, long position, Func<Task<(object Answer, bool Kept)>> evaluate)
    {
        var key = (view, position);
        Lazy<Task<(object Answer, bool Kept)>>? flight = null;
        flight = new Lazy<Task<(object Answer, bool Kept)>>(async () =>
        {
            try
            {
                return await evaluate();
            }
            finally
            {
                _flights.TryRemove(KeyValuePair.Create(key, flight!));
            }
        });
        return _flights.GetOrAdd(key, flight).Value;
    }

    /// <summary>Keeps an answer, replacing the view's answer at an earlier position (only one position per view is kept).</summary>
    public void Keep(string view, long position, object answer) => _answers[view] = (position, answer);

    /// <summary>
    /// The entity tag of an answer: the build, the view and everything the body says about the projection's state.
    /// Equal tags mean equal bodies, so a client that sends it back in <c>If-None-Match</c> gets a 304 without one.
    /// </summary>
    public static string EntityTag(string view, Freshness freshness) =>
        Tag($"{Build}\n{view}\n{freshness.LastAppliedSequence}\n{freshness.HighWaterMark}\n{freshness.CaughtUp}");

    /// <summary>
    /// The entity tag of an answer made of others (the city's, of its districts' answers): equal when every part is
    /// equal, the parts' own tags included.
    /// </summary>
    public static string CombinedTag(IEnumerable<string?> parts) => Tag($"{Build}\n{string.Join("\n", parts)}");

    private static string Tag(string text) => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16))}\"";
}
