namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Tests that measure the process itself (its memory) run after all others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
