using Gulou.Events.Api.Infrastructure.Persistence;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class DeterministicGuidTests
{
    [Fact]
    public void The_same_parts_give_the_same_version_5_uuid()
    {
        var a = DeterministicGuid.Create("activity", "gulou", "FZU-1");

        Assert.Equal(a, DeterministicGuid.Create("activity", "gulou", "FZU-1"));
        Assert.Equal(5, a.Version);
        Assert.Equal(0x80, a.ToByteArray(bigEndian: true)[8] & 0xC0); // the RFC 9562 variant
    }

    [Fact]
    public void Parts_are_not_merely_concatenated() =>
        Assert.NotEqual(DeterministicGuid.Create("ab", "c"), DeterministicGuid.Create("a", "bc"));

    [Fact]
    public void Different_districts_get_different_ids_for_the_same_reference() =>
        Assert.NotEqual(DeterministicGuid.Create("activity", "gulou", "FZU-1"), DeterministicGuid.Create("activity", "taijiang", "FZU-1"));
}
