using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Contracts.Reviews;

namespace Gulou.Events.Api.Reviews.Sealing;

/// <summary>One event as stored: its place in the log, its type, its data as stored (JSON) and when it was recorded.</summary>
public sealed record LoggedEvent(long Sequence, Guid StreamId, long Version, string Type, string Data, DateTimeOffset Timestamp);

/// <summary>
/// The seal's chain, pure: each event is reduced to a line (sequence, stream, version, type, canonical data, recorded
/// time, one per line), hashed with SHA-256, and the hashes are chained in sequence order from a seed that names the
/// district, the year and the cut-off. Changing, removing or adding any counted event changes the last link.
/// </summary>
public static class SealChain
{
    private const int EntryBytes = 16;

    public sealed record Result(string ChainSha256, string Digests, int Count, long LastSequence);

    public static Result Compute(string tenantId, int year, DateTimeOffset asOf, IReadOnlyList<LoggedEvent> events)
    {
        var link = Seed(tenantId, year, asOf);
        var digests = new byte[events.Count * EntryBytes];
        Span<byte> pair = stackalloc byte[64];
        for (var i = 0; i < events.Count; i++)
        {
            var digest = Digest(events[i]);
            link.CopyTo(pair);
            digest.CopyTo(pair[32..]);
            link = SHA256.HashData(pair);
            BinaryPrimitives.WriteInt64BigEndian(digests.AsSpan(i * EntryBytes), events[i].Sequence);
            digest.AsSpan(0, 8).CopyTo(digests.AsSpan((i * EntryBytes) + 8));
        }

        return new Result(Convert.ToHexStringLower(link), Convert.ToBase64String(digests), events.Count, events.Count == 0 ? 0 : events[^1].Sequence);
    }

    public static byte[] Seed(string tenantId, int year, DateTimeOffset asOf) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"gulou.events seal v1\n{tenantId}\n{year.ToString(CultureInfo.InvariantCulture)}\n{Instant(asOf)}"));

    /// <summary>The line an event is hashed as: what it is, where it sits in the log, and when it was recorded.</summary>
    public static string Line(LoggedEvent e) => string.Join('\n',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.StreamId.ToString("D"),
        e.Version.ToString(CultureInfo.InvariantCulture),
        e.Type,
        CanonicalJson.Of(e.Data),
        Instant(e.Timestamp));

    public static byte[] Digest(LoggedEvent e) => SHA256.HashData(Encoding.UTF8.GetBytes(Line(e)));

    /// <summary>An instant in UTC to the microsecond, as PostgreSQL keeps it.</summary>
    public static string Instant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The sealed (sequence, digest prefix) pairs.</summary>
    public static IReadOnlyList<(long Sequence, ulong Prefix)> Entries(string digests)
    {
        var bytes = Convert.FromBase64String(digests);
        var entries = new List<(long, ulong)>(bytes.Length / EntryBytes);
        for (var offset = 0; offset + EntryBytes <= bytes.Length; offset += EntryBytes)
        {
            entries.Add((BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(offset)), BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(offset + 8))));
        }

        return entries;
    }

    /// <summary>
    /// The first counted event, in sequence order, where the log now differs from the seal: an event whose content
    /// changed, a sealed event no longer counted (<paramref name="find"/> tells whether it is still in the log, changed so
    /// that it no longer falls under the seal, or gone), or an event counted now that the seal did not count.
    /// </summary>
    public static SealDifference? FirstDifference(IReadOnlyList<LoggedEvent> now, string sealedDigests, Func<long, LoggedEvent?> find)
    {
        var sealedEntries = Entries(sealedDigests);
        int i = 0, j = 0;
        while (i < sealedEntries.Count || j < now.Count)
        {
            var (sealedSequence, prefix) = i < sealedEntries.Count ? sealedEntries[i] : (long.MaxValue, 0UL);
            var current = j < now.Count ? now[j] : null;
            if (current is not null && current.Sequence == sealedSequence)
            {
                if (BinaryPrimitives.ReadUInt64BigEndian(Digest(current)) != prefix)
                {
                    return Of(current, "changed", "The event's stream, version, type, data or recorded time differs from what was sealed.");
                }

                i++;
                j++;
            }
            else if (current is null || sealedSequence < current.Sequence)
            {
                return find(sealedSequence) is { } moved
                    ? Of(moved, "changed", "The event is still in the log but no longer falls under the seal: its stream, type, data or recorded time changed.")
                    : new SealDifference(sealedSequence, null, null, null, "missing", "A sealed event is no longer in the log.");
            }
            else
            {
                return Of(current, "inserted", "The event falls under the seal (recorded before its cut-off, in a counted stream) but the seal did not count it.");
            }
        }

        return null;
    }

    private static SealDifference Of(LoggedEvent e, string change, string detail) => new(e.Sequence, e.StreamId, e.Version, e.Type, change, detail);
}
