using Gulou.Events.Api.Plan;

namespace Gulou.Events.UnitTests;

internal static class TestPlan
{
    /// <summary>The catalog file exactly as the service ships it.</summary>
    public static CurrentPlan Shipped { get; } = CurrentPlan.Load(Path.Combine(AppContext.BaseDirectory, PlanModule.ShippedCatalog));
}
