using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Plan;
using JasperFx.Events;

namespace Gulou.Events.Api.Progress.Tallies;

/// <summary>
/// A published plan as the progress fold has met it in the log: the version its figures are counted by from that point
/// on. The shipped plan is counted by its data file and has none.
/// </summary>
public sealed class PlanTally
{
    public Guid Id { get; set; }

    public string PlanId { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public PlanCatalog? Catalog { get; set; }

    public void Apply(IEvent<PlanCatalogPublished> e)
    {
        PlanId = e.Data.PlanId;
        ContentHash = e.Data.ContentHash;
        Catalog = e.Data.Catalog;
    }

    public CurrentPlan Plan() => CurrentPlan.Of(Catalog!, ContentHash, PlanId);
}
