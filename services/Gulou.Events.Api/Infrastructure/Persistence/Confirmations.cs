using System.Collections.Concurrent;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// When each database's change listener last confirmed it had heard every change committed there: what is kept in
/// memory of a database is trusted only while that confirmation is younger than <see cref="IHearsChanges.Staleness"/>.
/// </summary>
public sealed class Confirmations(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _confirmed = new(StringComparer.Ordinal);

    /// <summary>Every change committed in <paramref name="database"/> before <paramref name="timestamp"/> has been heard.</summary>
    public void Confirm(string database, long timestamp) => _confirmed[database] = timestamp;

    /// <summary>The database's listener lost its connection: nothing kept of it is trusted until it is back.</summary>
    public void Distrust(string database) => _confirmed.TryRemove(database, out _);

    public bool IsTrusted(string database) =>
        _confirmed.TryGetValue(database, out var confirmed) && clock.GetElapsedTime(confirmed) < IHearsChanges.Staleness;
}
