using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.UnitTests;

internal static class TestPlan
{
    /// <summary>The catalog file exactly as the service ships it.</summary>
    public static CurrentPlan Shipped { get; } = CurrentPlan.Load(Path.Combine(AppContext.BaseDirectory, PlanModule.ShippedCatalog));

    /// <summary>The shipped catalog with one target read the other way: the one-line change the catalog allows.</summary>
    public static CurrentPlan WithReading(string targetCode, TargetReading reading)
    {
        var catalog = Shipped.Catalog with
        {
            Targets = Shipped.Catalog.Targets.Select(t => t.Code == targetCode ? t with { Counting = t.Counting with { Reading = reading } } : t).ToList(),
        };
        Assert.Empty(PlanCatalogRules.Check(catalog));
        return new CurrentPlan(catalog, "variant", "variant.json");
    }
}
