namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Tests that must not run beside others run after all of them, one at a time: those that measure the process itself (its memory), and rebuilds and verifications, which run over every district.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
