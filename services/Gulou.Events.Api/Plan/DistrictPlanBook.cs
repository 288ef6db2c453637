using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Plan;
using Marten;

namespace Gulou.Events.Api.Plan;

/// <summary>
/// The plans of a district as recorded in its event store: which plan is in force today, which one an activity's date
/// belongs to, and a plan by its id. The catalog the service ships with is always the first version of its plan, even
/// in a district whose records predate plan versions.
/// <para>
/// A district's plans are kept in memory between requests, under the stream version of each of its plans. A
/// publication is announced in its transaction (<see cref="PlanAnnouncements"/>); while the listener of the district's
/// database confirms it has heard every announcement (<see cref="IHearsChanges"/>), a request reads nothing. Otherwise
/// it reads the versions (a few numbers, not the catalogs) and the catalogs again only when a publication moved one.
/// A publication on another node is therefore seen here within <see cref="IHearsChanges.Staleness"/>, one on this node
/// at once. Within a request (one session) the plans are read from the database at most once.
/// </para>
/// </summary>
public sealed class DistrictPlanBook(CurrentPlan shipped, TimeProvider clock, GulouSettings settings) : IHearsChanges
{
    private readonly ConcurrentDictionary<string, (string Stamp, long Heard, IReadOnlyList<LoadedPlan> Plans)> _districts = new(StringComparer.Ordinal);

    /// <summary>Announcements heard per district: what was read before one is not trusted after it.</summary>
    private readonly ConcurrentDictionary<string, long> _heard = new(StringComparer.Ordinal);

    private readonly Confirmations _confirmations = new(clock);

    private readonly ConditionalWeakTable<IQuerySession, IReadOnlyList<LoadedPlan>> _requests = [];

    public CurrentPlan Shipped => shipped;

    public static Guid StreamOf(string planId) => DeterministicGuid.Create("plan", planId);

    /// <summary>Every plan of the district, ordered by the start of its period.</summary>
    public async Task<IReadOnlyList<LoadedPlan>> AllAsync(IQuerySession session, CancellationToken cancellation)
    {
        if (_requests.TryGetValue(session, out var read))
        {
            return read;
        }

        var heard = _heard.GetValueOrDefault(session.TenantId);
        if (_districts.TryGetValue(session.TenantId, out var kept) && kept.Heard == heard && IsTrusted(DistrictTenancy.NameOf(session.Database)))
        {
            return kept.Plans;
        }

        var versions = await session.Query<LoadedPlan>().Select(p => new { p.PlanId, p.Version }).ToListAsync(cancellation);
        var stamp = string.Join("\n", versions.OrderBy(v => v.PlanId, StringComparer.Ordinal).Select(v => $"{v.PlanId}@{v.Version}"));
        kept = kept.Stamp == stamp && kept.Plans is not null ? kept with { Heard = heard } : (stamp, heard, await LoadAsync(session, cancellation));
        _districts[session.TenantId] = kept;
        _requests.AddOrUpdate(session, kept.Plans);
        return kept.Plans;
    }

    /// <summary>After a publication in this session: its next read sees it.</summary>
    public void Forget(IQuerySession session)
    {
        _requests.Remove(session);
        Forget(session.TenantId);
    }

    /// <summary>After a publication in the district, on any node: the next read reads the plans again.</summary>
    public void Forget(string district)
    {
        _heard.AddOrUpdate(district, 1, (_, n) => n + 1);
        _districts.TryRemove(district, out _);
    }

    public string Channel => IHearsChanges.ChannelFor("plans", settings.DatabaseSchema);

    void IHearsChanges.Heard(string database, string payload) => Forget(payload);

    void IHearsChanges.Confirm(string database, long timestamp) => _confirmations.Confirm(database, timestamp);

    void IHearsChanges.Distrust(string database) => _confirmations.Distrust(database);

    private bool IsTrusted(string database) => _confirmations.IsTrusted(database);

    private async Task<IReadOnlyList<LoadedPlan>> LoadAsync(IQuerySession session, CancellationToken cancellation)
    {
        var recorded = (await session.Query<LoadedPlan>().ToListAsync(cancellation)).Where(p => p.Versions.Count > 0).ToList();
        if (recorded.All(p => p.PlanId != shipped.Catalog.Id))
        {
            var first = new LoadedPlan { Id = StreamOf(shipped.Catalog.Id), PlanId = shipped.Catalog.Id, ContentHash = shipped.ContentHash, LoadedHash = shipped.ContentHash };
            first.Versions.Add(new PlanVersion(1, shipped.ContentHash, null, $"file {shipped.Source}", shipped.Catalog));
            recorded.Add(first);
        }

        return recorded.OrderBy(p => p.Latest.Catalog.Period.From).ThenBy(p => p.PlanId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The plan in force on a day: the one whose period holds it; between plans, the last one that began (its final
    /// evaluation runs while the next is not yet published); before every plan, the first.
    /// </summary>
    public static LoadedPlan InForceOn(IReadOnlyList<LoadedPlan> plans, DateOnly day) =>
        plans.LastOrDefault(p => p.Latest.Catalog.Period.Contains(day))
        ?? plans.LastOrDefault(p => p.Latest.Catalog.Period.Start <= day)
        ?? plans[0];

    /// <summary>The plan in force today, or the one named by <paramref name="planId"/> (404 when the district has no such plan).</summary>
    public async Task<CurrentPlan> ResolveAsync(IQuerySession session, string? planId, CancellationToken cancellation)
    {
        var plans = await AllAsync(session, cancellation);
        var plan = string.IsNullOrWhiteSpace(planId)
            ? InForceOn(plans, clock.Today())
            : plans.FirstOrDefault(p => p.PlanId == planId.Trim()) ?? throw ProblemException.NotFound("plan", planId.Trim());
        return Indexed(plan.At(clock.GetUtcNow()));
    }

    /// <summary>
    /// The plan a view of a year reads: the one named, else the one in force today; a year outside its period is a 400 on
    /// <c>year</c> (another plan's years are read with that plan's id).
    /// </summary>
    public async Task<CurrentPlan> ResolveForYearAsync(IQuerySession session, string? planId, int? year, CancellationToken cancellation)
    {
        var plan = await ResolveAsync(session, planId, cancellation);
        EnsureHolds(plan.Catalog, year);
        return plan;
    }

    /// <summary>A 400 on <c>year</c> when the plan's period does not hold it (another plan's years are read with that plan's id).</summary>
    public static void EnsureHolds(PlanCatalog plan, int? year)
    {
        if (year is { } y && !plan.Period.Holds(y))
        {
            throw ProblemException.Invalid("year", $"{y} is no year of the plan {plan.Id} ({plan.Period.From}–{plan.Period.To}); name its plan with plan=.");
        }
    }

    /// <summary>
    /// The plan a year's review (or seal) reads: the one named, else the one whose period holds the year, else (no year)
    /// the one in force today. A year outside its period is a 400 on <c>year</c>.
    /// </summary>
    public async Task<LoadedPlan> OfYearAsync(IQuerySession session, string? planId, int? year, CancellationToken cancellation)
    {
        var plans = await AllAsync(session, cancellation);
        var plan = !string.IsNullOrWhiteSpace(planId)
            ? plans.FirstOrDefault(p => p.PlanId == planId.Trim()) ?? throw ProblemException.NotFound("plan", planId.Trim())
            : year is { } y && plans.FirstOrDefault(p => p.Latest.Catalog.Period.Holds(y)) is { } held ? held : InForceOn(plans, clock.Today());
        EnsureHolds(plan.Latest.Catalog, year);
        return plan;
    }

    /// <summary>
    /// The catalog a plan's figures were counted by at an instant: the version published by then; the shipped plan is
    /// always counted by its data file.
    /// </summary>
    public CurrentPlan CountedAt(LoadedPlan plan, DateTimeOffset instant) =>
        plan.PlanId == shipped.Catalog.Id ? shipped : Indexed(plan.At(instant));

    /// <summary>The plan whose period holds a year, from plans already read, by its catalog in force at an instant; the shipped plan when none holds it.</summary>
    public CurrentPlan OfYear(IReadOnlyList<LoadedPlan> plans, int year, DateTimeOffset instant) =>
        plans.FirstOrDefault(p => p.Latest.Catalog.Period.Holds(year)) is { } plan ? CountedAt(plan, instant) : shipped;

    /// <summary>
    /// The plan whose rules a query of records applies: the one named; else the plan whose period holds the year asked
    /// for; else the plan in force today when it has what the query names (<paramref name="fits"/>), else the first
    /// plan that has it.
    /// </summary>
    public async Task<CurrentPlan> ForQueryAsync(IQuerySession session, string? planId, int? year, Func<CurrentPlan, bool> fits, CancellationToken cancellation)
    {
        if (!string.IsNullOrWhiteSpace(planId))
        {
            return await ResolveAsync(session, planId, cancellation);
        }

        var plans = await AllAsync(session, cancellation);
        var now = clock.GetUtcNow();
        if (year is { } y && plans.FirstOrDefault(p => p.Latest.Catalog.Period.Holds(y)) is { } ofYear)
        {
            return Indexed(ofYear.At(now));
        }

        var inForce = Indexed(InForceOn(plans, clock.Today()).At(now));
        return fits(inForce) ? inForce : plans.Select(p => Indexed(p.At(now))).FirstOrDefault(fits) ?? inForce;
    }

    /// <summary>
    /// The plan an activity of this day is reported under, with its catalog in force now. The shipped plan answers for
    /// its own period without a lookup; any other day needs a published plan whose period holds it (422
    /// <c>no_plan_for_date</c> until then).
    /// </summary>
    public async Task<CurrentPlan> ForActivityAsync(IQuerySession session, DateOnly occurredOn, string field, CancellationToken cancellation)
    {
        if (shipped.Period.Contains(occurredOn))
        {
            return shipped;
        }

        var plans = await AllAsync(session, cancellation);
        return ForActivity(plans, occurredOn, field);
    }

    /// <summary>The same answer from plans already read, for a batch or an import of many rows.</summary>
    public CurrentPlan ForActivity(IReadOnlyList<LoadedPlan> plans, DateOnly occurredOn, string field)
    {
        if (shipped.Period.Contains(occurredOn))
        {
            return shipped;
        }

        var plan = plans.FirstOrDefault(p => p.Latest.Catalog.Period.Contains(occurredOn)) ?? throw NoPlanFor(occurredOn, field);
        return Indexed(plan.At(clock.GetUtcNow()));
    }

    public static ProblemException NoPlanFor(DateOnly day, string field) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.NoPlanForDate, "No plan for this date",
            $"The district has no plan whose period holds {day:yyyy-MM-dd}; an administrator publishes it first (PUT /api/v1/admin/plans/{{planId}}).",
            new Dictionary<string, string[]> { [field] = [$"No plan of the district holds {day:yyyy-MM-dd}."] });

    /// <summary>A version's catalog indexed for lookups, built once per content hash.</summary>
    public CurrentPlan Indexed(PlanVersion version) =>
        version.ContentHash == shipped.ContentHash
            ? shipped
            : CurrentPlan.Of(version.Catalog, version.ContentHash, version.PublishedBy);
}
