using Gulou.Events.Api.Infrastructure.Security;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generated_keys_are_long_random_and_url_safe()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeys.Generate()).ToList();

        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^glk_[A-Za-z0-9_-]{43}$", k));
    }

    [Fact]
    public void Only_the_key_itself_matches_its_hash()
    {
        var key = ApiKeys.Generate();
        var hash = ApiKeys.Hash(key);

        Assert.DoesNotContain(key[4..], hash, StringComparison.Ordinal);
        Assert.True(ApiKeys.Matches(key, hash));
        Assert.False(ApiKeys.Matches(key + "x", hash));
        Assert.False(ApiKeys.Matches(ApiKeys.Generate(), hash));
    }
}
