using System.Collections.Concurrent;

namespace Gulou.Events.Api.Progress.Export;

/// <summary>
/// The JSON of answers that carry an entity tag, kept by that tag: equal tags mean equal bodies, so an answer served
/// again at the same projection position is written from these bytes instead of being serialized again. Bounded: when
/// full it starts over, which costs one serialization per answer asked for again.
/// </summary>
public sealed class EncodedAnswers
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, byte[]> _json = new(StringComparer.Ordinal);

    public byte[] Json(string entityTag, Func<byte[]> encode)
    {
        if (_json.TryGetValue(entityTag, out var known))
        {
            return known;
        }

        if (_json.Count >= Capacity)
        {
            _json.Clear();
        }

        return _json.GetOrAdd(entityTag, _ => encode());
    }
}
