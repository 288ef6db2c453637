using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Plan;

namespace Gulou.Events.Api.Plan;

/// <summary>
/// A plan of a district and every version of its catalog, as loaded from the service's data file or published by the
/// district's administrator. Inline snapshot of the plan's stream.
/// </summary>
public sealed class LoadedPlan : IRecord<LoadedPlan>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<PlanCatalogLoaded>("plan_catalog_loaded"),
        RecordEvent.Of<PlanCatalogPublished>("plan_catalog_published"),
    ];

    public Guid Id { get; set; }

    public string PlanId { get; set; } = "";

    /// <summary>The hash of the newest version, whatever its source.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The hash of the catalog last loaded from the data file: a start with the same file records nothing.</summary>
    public string LoadedHash { get; set; } = "";

    public long Version { get; set; }

    public List<PlanVersion> Versions { get; set; } = [];

    public static LoadedPlan Create(PlanCatalogLoaded e)
    {
        var plan = new LoadedPlan { PlanId = e.PlanId };
        plan.Apply(e);
        return plan;
    }

    public static LoadedPlan Create(PlanCatalogPublished e)
    {
        var plan = new LoadedPlan { PlanId = e.PlanId };
        plan.Apply(e);
        return plan;
    }

    public void Apply(PlanCatalogLoaded e)
    {
        ContentHash = e.ContentHash;
        LoadedHash = e.ContentHash;
        Versions.Add(new PlanVersion(Versions.Count + 1, e.ContentHash, Versions.Count == 0 ? null : e.LoadedAt, $"file {e.Source}", e.Catalog));
    }

    public void Apply(PlanCatalogPublished e)
    {
        ContentHash = e.ContentHash;
        Versions.Add(new PlanVersion(Versions.Count + 1, e.ContentHash, e.PublishedAt, e.PublishedBy, e.Catalog));
    }

    /// <summary>The version in force at an instant: the last published by then, or the first when none was yet.</summary>
    public PlanVersion At(DateTimeOffset instant) =>
        Versions.LastOrDefault(v => v.PublishedAt is null || v.PublishedAt <= instant) ?? Versions[0];

    [System.Text.Json.Serialization.JsonIgnore]
    public PlanVersion Latest => Versions[^1];
}

/// <summary>A version of a plan's catalog; <see cref="PublishedAt"/> null: in force from the start.</summary>
public sealed record PlanVersion(int Number, string ContentHash, DateTimeOffset? PublishedAt, string PublishedBy, PlanCatalog Catalog)
{
    public PlanVersionDto ToDto() => new(Number, ContentHash, PublishedAt, PublishedBy);
}
