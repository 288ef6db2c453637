using System.Collections.Concurrent;

namespace Gulou.Events.Api.Progress.Export;

/// <summary>
/// The JSON of answers that carry an entity tag, kept by that tag: equal tags mean equal bodies, so an answer served
/// again at the same projection position is written from these bytes instead of being serialized again. Bounded: past
/// <see cref="Capacity"/> the oldest are dropped first (a tag goes stale once its projection moves on).
/// </summary>
public sealed class EncodedAnswers(int capacity = EncodedAnswers.Capacity)
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, byte[]> _json = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Count => _json.Count;

    public byte[] Json(string entityTag, Func<byte[]> encode)
    {
        if (_json.TryGetValue(entityTag, out var known))
        {
            return known;
        }

        var json = encode();
        if (_json.TryAdd(entityTag, json))
        {
            _order.Enqueue(entityTag);
            while (_json.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _json.TryRemove(oldest, out _);
            }
        }

        return json;
    }
}
