using System.Text;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events;
using Marten;
using Marten.Internal.Sessions;

namespace Gulou.Events.Api.Reviews.Locking;

/// <summary>
/// The lock on closed years, checked by every write that could change a figure: the events a write would append
/// are folded onto the record's history through the progress fold's own tally, and the write is refused (409
/// <c>year_locked</c>) when what the record adds to a closed year's figures would change, unless the coordinating
/// unit granted the institution an exception for that year that has not expired. An activity moved into or out of
/// a closed year is refused even when it counts nothing. Each closed year's figures are those of the plan whose
/// period holds it, by its catalog in force now.
/// </summary>
[Refuses(409, ErrorCodes.YearLocked, "the change would alter the figures of a closed year, and the institution has no exception for it")]
public sealed class YearLocks(DistrictPlanBook book, TimeProvider clock)
{
    /// <summary>The district's closed years and their exceptions, as they stand now.</summary>
    public async Task<LockedYears> ReadAsync(IQuerySession session, CancellationToken cancellation)
    {
        var closed = await ClosedYearsAsync(session, cancellation);
        var now = clock.GetUtcNow();
        if (closed.Count == 0)
        {
            return new LockedYears(book.Shipped, [], now);
        }

        var plans = await book.AllAsync(session, cancellation);
        return new LockedYears(closed, year => book.OfYear(plans, year, now), now);
    }

    /// <summary>
    /// The closed years with when they were closed and their exceptions, in one statement of plain SQL: it runs before
    /// every write that could change a figure, and translating the equivalent LINQ query cost a quarter of a single
    /// report's processor time.
    /// </summary>
    private static async Task<IReadOnlyList<ClosedYear>> ClosedYearsAsync(IQuerySession session, CancellationToken cancellation)
    {
        var table = ((QuerySession)session).StorageFor<YearReview>().TableName.QualifiedName;
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select jsonb_build_object('year', d.data -> 'year', 'closedAt', d.data -> 'closedAt', 'exceptions', coalesce(d.data -> 'exceptions', '[]'::jsonb))::text "
            + $"from {table} as d where d.tenant_id = ? and d.data ->> 'closedAt' is not null",
            cancellation, session.TenantId);
        var serializer = session.DocumentStore.Options.Serializer();
        return rows.Select(r => serializer.FromJson<ClosedYear>(new MemoryStream(Encoding.UTF8.GetBytes(r)))).ToList();
    }

    /// <summary>When each closed year of the district was closed.</summary>
    public static async Task<IReadOnlyDictionary<int, DateTimeOffset>> ClosedAtAsync(IQuerySession session, CancellationToken cancellation) =>
        (await ClosedYearsAsync(session, cancellation)).ToDictionary(c => c.Year, c => c.ClosedAt);

    /// <summary>
    /// Refuses the write when appending <paramref name="events"/> to the stream would change a closed year's figures.
    /// <paramref name="institutionId"/> is the institution whose record it is: the one that reported an activity, or the
    /// one that writes a designation, a volunteer's registration or an observation.
    /// </summary>
    public async Task EnsureOpenAsync<T>(IQuerySession session, Guid institutionId, Guid streamId, IReadOnlyList<object> events, CancellationToken cancellation)
        where T : class, ITally<T>, new()
    {
        var locked = await ReadAsync(session, cancellation);
        if (locked.IsEmpty || events.Count == 0)
        {
            return;
        }

        var history = await session.Events.FetchStreamAsync(streamId, token: cancellation);
        if (locked.Refusal<T>(institutionId, streamId, history, events) is { } refusal)
        {
            throw refusal;
        }
    }
}

public sealed record ClosedYear(int Year, List<YearExceptionDto> Exceptions)
{
    public DateTimeOffset ClosedAt { get; init; }
}

/// <summary>
/// The closed years at one instant, each with the plan it is a year of; decides, without the database, whether a
/// write may change them.
/// </summary>
public sealed class LockedYears(IReadOnlyList<ClosedYear> closed, Func<int, CurrentPlan> planOf, DateTimeOffset now)
{
    /// <summary>Closed years all of one plan.</summary>
    public LockedYears(CurrentPlan plan, IReadOnlyList<ClosedYear> closed, DateTimeOffset now)
        : this(closed, _ => plan, now)
    {
    }

    public bool IsEmpty => closed.Count == 0;

    /// <summary>The refusal for the first closed year the events would change and the institution holds no standing exception for; null when none.</summary>
    public ProblemException? Refusal<T>(Guid institutionId, Guid streamId, IReadOnlyList<IEvent> history, IReadOnlyList<object> events)
        where T : class, ITally<T>, new()
    {
        if (closed.Count == 0)
        {
            return null;
        }

        var tally = new T { Id = streamId };
        foreach (var e in history.Where(e => T.Follows(e.Data)))
        {
            tally.Apply(e);
        }

        var plans = closed.ToDictionary(c => c.Year, c => planOf(c.Year));
        var before = plans.Values.Distinct().ToDictionary(p => p, p => tally.Contributions(p).ToList());
        var yearBefore = ActivityYear(tally);
        var version = history.Count == 0 ? 0 : history[^1].Version;
        foreach (var data in events.Where(d => T.Follows(d)))
        {
            tally.Apply(Recorded(data, streamId, ++version));
        }

        var after = before.Keys.ToDictionary(p => p, p => tally.Contributions(p).ToList());
        var yearAfter = ActivityYear(tally);
        var years = closed.Select(c => c.Year).ToList();
        var changed = years.Where(y => YearScope.Changed(before[plans[y]], after[plans[y]], [y], plans[y]).Any()).ToHashSet();
        if (yearBefore != yearAfter)
        {
            changed.UnionWith(new[] { yearBefore, yearAfter }.OfType<int>().Where(years.Contains));
        }

        var blocked = closed.Where(c => changed.Contains(c.Year) && !c.Exceptions.Any(x => x.InstitutionId == institutionId && x.ExpiresAt > now))
            .Select(c => c.Year).Order().ToList();
        return blocked.Count == 0
            ? null
            : new ProblemException(StatusCodes.Status409Conflict, ErrorCodes.YearLocked, "Year locked",
                $"{string.Join(", ", blocked)} {(blocked.Count == 1 ? "is" : "are")} closed and this change would alter its figures. "
                + $"Ask the coordinating unit ({plans[blocked[0]].CoordinatingUnit}) for an exception, or to reopen the year.",
                extensions: new Dictionary<string, object?> { ["years"] = blocked });
    }

    private static int? ActivityYear(ITally tally) => tally is ActivityTally { Activity: { } activity } ? activity.Year : null;

    /// <summary>An event about to be appended, as the fold will see it once stored.</summary>
    private IEvent Recorded(object data, Guid streamId, long version)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.StreamId = streamId;
        e.Version = version;
        e.Timestamp = now;
        return e;
    }
}
