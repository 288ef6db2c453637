using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using Marten;

namespace Gulou.Events.Api.Progress;

/// <summary>Where the progress fold keeps its tallies, rollups and their members: the database for the projection, memory for a replay.</summary>
public interface IProgressStorage
{
    Task<IReadOnlyDictionary<Guid, T>> LoadTalliesAsync<T>(IReadOnlyList<Guid> ids, CancellationToken cancellation) where T : class, ITally;

    /// <summary>Every tally of a kind: a plan's new version recounts them all.</summary>
    Task<IReadOnlyList<T>> AllTalliesAsync<T>(CancellationToken cancellation) where T : class, ITally;

    /// <summary>The published plans the fold has met so far.</summary>
    Task<IReadOnlyList<PlanTally>> LoadPlansAsync(CancellationToken cancellation);

    Task<IReadOnlyDictionary<string, Rollup>> LoadRollupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation);

    Task<IReadOnlyDictionary<string, RollupMember>> LoadMembersAsync(IReadOnlyList<string> ids, CancellationToken cancellation);

    void Store<T>(T document) where T : notnull;

    void DeleteRollup(string id);

    void DeleteMember(string id);
}

/// <summary>
/// The projection's documents in the district's database. What a batch stored is read back from here, not from the
/// database, so a batch cut by a plan's publication reads its own earlier writes.
/// </summary>
public sealed class MartenProgressStorage(IDocumentOperations operations) : IProgressStorage
{
    private readonly Dictionary<(Type, string), object?> _written = [];

    public async Task<IReadOnlyDictionary<Guid, T>> LoadTalliesAsync<T>(IReadOnlyList<Guid> ids, CancellationToken cancellation) where T : class, ITally
    {
        var unread = ids.Where(id => !_written.ContainsKey((typeof(T), id.ToString()))).ToArray();
        var loaded = unread.Length == 0 ? [] : (await operations.LoadManyAsync<T>(cancellation, unread)).ToDictionary(t => t.Id);
        foreach (var id in ids.Where(id => _written.ContainsKey((typeof(T), id.ToString()))))
        {
            loaded[id] = (T)_written[(typeof(T), id.ToString())]!;
        }

        return loaded;
    }

    public async Task<IReadOnlyList<T>> AllTalliesAsync<T>(CancellationToken cancellation) where T : class, ITally =>
        Overlay(await operations.Query<T>().ToListAsync(cancellation), t => t.Id.ToString());

    public async Task<IReadOnlyList<PlanTally>> LoadPlansAsync(CancellationToken cancellation) =>
        Overlay(await operations.Query<PlanTally>().ToListAsync(cancellation), p => p.Id.ToString());

    public Task<IReadOnlyDictionary<string, Rollup>> LoadRollupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation) =>
        LoadByKeyAsync<Rollup>(ids, r => r.Id, cancellation);

    public Task<IReadOnlyDictionary<string, RollupMember>> LoadMembersAsync(IReadOnlyList<string> ids, CancellationToken cancellation) =>
        LoadByKeyAsync<RollupMember>(ids, m => m.Id, cancellation);

    public void Store<T>(T document) where T : notnull
    {
        var id = document switch
        {
            Rollup r => r.Id,
            RollupMember m => m.Id,
            ITally t => t.Id.ToString(),
            PlanTally p => p.Id.ToString(),
            _ => throw new ArgumentException($"Not a progress document: {typeof(T).Name}", nameof(document)),
        };
        _written[(typeof(T), id)] = document;
        operations.Store(document);
    }

    public void DeleteRollup(string id)
    {
        _written[(typeof(Rollup), id)] = null;
        operations.Delete<Rollup>(id);
    }

    public void DeleteMember(string id)
    {
        _written[(typeof(RollupMember), id)] = null;
        operations.Delete<RollupMember>(id);
    }

    /// <summary>Documents by string id: what this batch wrote (or deleted), else what the database holds.</summary>
    private async Task<IReadOnlyDictionary<string, T>> LoadByKeyAsync<T>(IReadOnlyList<string> ids, Func<T, string> idOf, CancellationToken cancellation) where T : class
    {
        var unread = ids.Where(id => !_written.ContainsKey((typeof(T), id))).ToArray();
        var loaded = unread.Length == 0 ? [] : (await operations.LoadManyAsync<T>(cancellation, unread)).ToDictionary(idOf);
        foreach (var id in ids.Where(id => _written.GetValueOrDefault((typeof(T), id)) is not null))
        {
            loaded[id] = (T)_written[(typeof(T), id)]!;
        }

        return loaded;
    }

    private List<T> Overlay<T>(IEnumerable<T> stored, Func<T, string> id) where T : class =>
        stored.Where(d => !_written.ContainsKey((typeof(T), id(d))))
            .Concat(_written.Where(w => w.Key.Item1 == typeof(T) && w.Value is not null).Select(w => (T)w.Value!))
            .ToList();
}

/// <summary>Keeps everything in memory: replays the log (or part of it) without touching the projection's documents.</summary>
public sealed class MemoryProgressStorage : IProgressStorage
{
    private readonly Dictionary<(Type, Guid), ITally> _tallies = [];
    private readonly Dictionary<string, Rollup> _rollups = [];
    private readonly Dictionary<string, RollupMember> _members = [];
    private readonly Dictionary<Guid, PlanTally> _plans = [];

    /// <summary>Storage that starts with these published plans, as a fold of the log up to their publication would.</summary>
    public MemoryProgressStorage(params IEnumerable<PlanTally> plans)
    {
        foreach (var plan in plans)
        {
            _plans[plan.Id] = plan;
        }
    }

    public IReadOnlyCollection<Rollup> Rollups => _rollups.Values;

    public IReadOnlyCollection<RollupMember> Members => _members.Values;

    public IEnumerable<ITally> Tallies => _tallies.Values;

    public IReadOnlyCollection<PlanTally> Plans => _plans.Values;

    public ITally? Tally(Type type, Guid id) => _tallies.GetValueOrDefault((type, id));

    /// <summary>Drops the tallies (the rollups and plans stay): a verification replays the log a chunk of streams at a time.</summary>
    public void ForgetTallies() => _tallies.Clear();

    public Task<IReadOnlyDictionary<Guid, T>> LoadTalliesAsync<T>(IReadOnlyList<Guid> ids, CancellationToken cancellation) where T : class, ITally =>
        Task.FromResult<IReadOnlyDictionary<Guid, T>>(ids
            .Where(id => _tallies.ContainsKey((typeof(T), id)))
            .ToDictionary(id => id, id => (T)_tallies[(typeof(T), id)]));

    public Task<IReadOnlyList<T>> AllTalliesAsync<T>(CancellationToken cancellation) where T : class, ITally =>
        Task.FromResult<IReadOnlyList<T>>(_tallies.Values.OfType<T>().ToList());

    public Task<IReadOnlyList<PlanTally>> LoadPlansAsync(CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<PlanTally>>(_plans.Values.ToList());

    public Task<IReadOnlyDictionary<string, Rollup>> LoadRollupsAsync(IReadOnlyList<string> ids, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyDictionary<string, Rollup>>(ids.Where(_rollups.ContainsKey).ToDictionary(id => id, id => _rollups[id]));

    public Task<IReadOnlyDictionary<string, RollupMember>> LoadMembersAsync(IReadOnlyList<string> ids, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyDictionary<string, RollupMember>>(ids.Where(_members.ContainsKey).ToDictionary(id => id, id => _members[id]));

    public void Store<T>(T document) where T : notnull
    {
        switch (document)
        {
            case Rollup rollup: _rollups[rollup.Id] = rollup; break;
            case RollupMember member: _members[member.Id] = member; break;
            case ITally tally: _tallies[(typeof(T), tally.Id)] = tally; break;
            case PlanTally plan: _plans[plan.Id] = plan; break;
            default: throw new ArgumentException($"Not a progress document: {typeof(T).Name}", nameof(document));
        }
    }

    public void DeleteRollup(string id) => _rollups.Remove(id);

    public void DeleteMember(string id) => _members.Remove(id);
}
