using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Marten.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Store _store = new();
    private readonly ApiKeyCache _cache;

    public ApiKeyCacheTests() => _cache = new ApiKeyCache(_clock);

    [Fact]
    public async Task A_key_of_a_confirmed_database_is_answered_from_memory()
    {
        var key = _store.Issue("main");
        _cache.Replace("main", [key], _cache.Begin());
        _cache.Confirm("main", _clock.GetTimestamp());

        var found = await _cache.FindAsync(key.SecretHash, _store, CancellationToken.None);

        Assert.Equal(key, found!.Key);
        Assert.Equal(0, _store.Lookups);
    }

    [Fact]
    public async Task A_database_not_confirmed_within_the_staleness_is_asked_again()
    {
        var key = _store.Issue("second");
        _cache.Replace("second", [key], _cache.Begin());
        _cache.Confirm("second", _clock.GetTimestamp());
        _clock.Advance(ApiKeyCache.Staleness);
        _store.Revoke(key);

        var found = await _cache.FindAsync(key.SecretHash, _store, CancellationToken.None);

        Assert.True(found!.Key.Revoked);
        Assert.Equal(1, _store.Lookups);
    }

    [Fact]
    public async Task A_distrusted_database_is_asked_however_recent_its_last_confirmation()
    {
        var key = _store.Issue("main");
        _cache.Replace("main", [key], _cache.Begin());
        _cache.Confirm("main", _clock.GetTimestamp());
        _cache.Distrust("main");

        await _cache.FindAsync(key.SecretHash, _store, CancellationToken.None);

        Assert.Equal(1, _store.Lookups);
    }

    [Fact]
    public async Task What_was_read_before_an_invalidation_is_not_cached()
    {
        var key = _store.Issue("main");
        var since = _cache.Begin();
        _cache.Invalidate(key.KeyId);
        _cache.Put("main", key, since);
        _cache.Confirm("main", _clock.GetTimestamp());

        await _cache.FindAsync(key.SecretHash, _store, CancellationToken.None);

        Assert.Equal(1, _store.Lookups);
    }

    [Fact]
    public async Task An_older_version_never_replaces_a_newer_one()
    {
        var issued = _store.Issue("main");
        var revoked = issued with { Revoked = true, Version = issued.Version + 1 };
        _cache.Put("main", revoked, _cache.Begin());
        _cache.Put("main", issued, _cache.Begin());
        _cache.Confirm("main", _clock.GetTimestamp());

        var found = await _cache.FindAsync(issued.SecretHash, _store, CancellationToken.None);

        Assert.True(found!.Key.Revoked);
    }

    [Fact]
    public async Task A_full_read_forgets_the_keys_the_database_no_longer_holds()
    {
        var kept = _store.Issue("main");
        var gone = _store.Issue("main");
        _cache.Replace("main", [kept, gone], _cache.Begin());
        _store.Remove(gone);
        _cache.Replace("main", [kept], _cache.Begin());
        _cache.Confirm("main", _clock.GetTimestamp());

        Assert.Null(await _cache.FindAsync(gone.SecretHash, _store, CancellationToken.None));
        Assert.NotNull(await _cache.FindAsync(kept.SecretHash, _store, CancellationToken.None));
        Assert.Equal(1, _store.Lookups);
    }

    /// <summary>Keys by database, counting the lookups that reach it.</summary>
    private sealed class Store : IApiKeyStore
    {
        private readonly Dictionary<Guid, (string Database, StoredKey Key)> _keys = [];

        public int Lookups { get; private set; }

        public StoredKey Issue(string database)
        {
            var key = new StoredKey(Guid.NewGuid(), ApiKeys.Hash(ApiKeys.Generate()), "t1", Guid.NewGuid(), Role.Partner, false, 1);
            _keys[key.KeyId] = (database, key);
            return key;
        }

        public void Revoke(StoredKey key) => _keys[key.KeyId] = (_keys[key.KeyId].Database, key with { Revoked = true, Version = key.Version + 1 });

        public void Remove(StoredKey key) => _keys.Remove(key.KeyId);

        public Task<IReadOnlyList<StoredKey>> LoadAllAsync(IMartenDatabase database, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<StoredKey?> FindAsync(IMartenDatabase database, Guid keyId, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<FoundKey?> FindAsync(string secretHash, CancellationToken cancellation)
        {
            Lookups++;
            return Task.FromResult(_keys.Values.Where(k => k.Key.SecretHash == secretHash).Select(k => new FoundKey(k.Database, k.Key)).FirstOrDefault());
        }
    }
}
