using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using Marten;

namespace Gulou.Events.Api.Progress;

/// <summary>Where the progress fold keeps its tallies and rollups: the database for the projection, memory for a replay.</summary>
public interface IProgressStorage
{
    Task<IReadOnlyDictionary<Guid, T>> LoadTalliesAsync<T>(IReadOnlyList<Guid> ids, CancellationToken cancellation) where T : class, ITally;

    Task<IReadOnlyDictionary<string, Rollup>> LoadRollupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation);

    void Store<T>(T document) where T : notnull;

    void DeleteRollup(string id);
}

public sealed class MartenProgressStorage(IDocumentOperations operations) : IProgressStorage
{
    public async Task<IReadOnlyDictionary<Guid, T>> LoadTalliesAsync<T>(IReadOnlyList<Guid> ids, CancellationToken cancellation) where T : class, ITally =>
        (await operations.LoadManyAsync<T>(cancellation, ids)).ToDictionary(t => t.Id);

    public async Task<IReadOnlyDictionary<string, Rollup>> LoadRollupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation) =>
        (await operations.LoadManyAsync<Rollup>(cancellation, ids)).ToDictionary(r => r.Id);

    public void Store<T>(T document) where T : notnull => operations.Store(document);

    public void DeleteRollup(string id) => operations.Delete<Rollup>(id);
}

/// <summary>Keeps everything in memory: replays the log (or part of it) without touching the projection's documents.</summary>
public sealed class MemoryProgressStorage : IProgressStorage
{
    private readonly Dictionary<(Type, Guid), ITally> _tallies = [];
    private readonly Dictionary<string, Rollup> _rollups = [];

    public IReadOnlyCollection<Rollup> Rollups => _rollups.Values;

    public IEnumerable<ITally> Tallies => _tallies.Values;

    public ITally? Tally(Type type, Guid id) => _tallies.GetValueOrDefault((type, id));

    /// <summary>Drops the tallies (the rollups stay): a verification replays the log a chunk of streams at a time.</summary>
    public void ForgetTallies() => _tallies.Clear();

    public Task<IReadOnlyDictionary<Guid, T>> LoadTalliesAsync<T>(IReadOnlyList<Guid> ids, CancellationToken cancellation) where T : class, ITally =>
        Task.FromResult<IReadOnlyDictionary<Guid, T>>(ids
            .Where(id => _tallies.ContainsKey((typeof(T), id)))
            .ToDictionary(id => id, id => (T)_tallies[(typeof(T), id)]));

    public Task<IReadOnlyDictionary<string, Rollup>> LoadRollupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyDictionary<string, Rollup>>(ids.Where(_rollups.ContainsKey).ToDictionary(id => id, id => _rollups[id]));

    public void Store<T>(T document) where T : notnull
    {
        switch (document)
        {
            case Rollup rollup: _rollups[rollup.Id] = rollup; break;
            case ITally tally: _tallies[(typeof(T), tally.Id)] = tally; break;
            default: throw new ArgumentException($"Not a progress document: {typeof(T).Name}", nameof(document));
        }
    }

    public void DeleteRollup(string id) => _rollups.Remove(id);
}
