using Gulou.Events.Api.Plan;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Gulou.Events.Api.Progress;

/// <summary>The async projection behind every progress figure: the progress fold, per district, over each batch the daemon hands over.</summary>
public sealed class ProgressProjection(CurrentPlan plan) : IProjection
{
    public const string Name = "Progress";

    /// <summary>Events per batch (Marten's default is 500).</summary>
    public const int BatchSize = 20_000;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var fold = new ProgressFold(plan);
        foreach (var district in events.GroupBy(e => e.TenantId))
        {
            await fold.ApplyAsync(new MartenProgressStorage(operations.ForTenant(district.Key)), district.ToList(), cancellation);
        }
    }
}
