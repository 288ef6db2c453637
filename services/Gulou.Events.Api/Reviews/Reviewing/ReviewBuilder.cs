using Gulou.Events.Api.Infrastructure;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Progress.Counting;
using Gulou.Events.Api.Progress.Evaluating;
using Gulou.Events.Api.Progress.Rollups;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Contracts.Persons;
using Gulou.Events.Contracts.Plan;
using Gulou.Events.Contracts.Reviews;
using JasperFx.Events;
using Marten;

namespace Gulou.Events.Api.Reviews.Reviewing;

/// <summary>
/// The annual review: replays the events behind a year's figures twice, once only up to the cut-off (as the
/// figures were known then, counted by the plan's catalog in force then) and once whole (as known now, by today's
/// catalog), through the same fold as the progress projection, and lists each record whose contribution to the year
/// differs between the two, and the catalog when its version differs.
/// </summary>
public sealed class ReviewBuilder(IDocumentStore store, DistrictPlanBook plans, PersonRegister register, TimeProvider clock)
{
    /// <param name="caller">Whose review: a designated person is named as they may see them (by every field when null).</param>
    public async Task<ReviewDto> BuildAsync(string tenantId, int? year, DateTimeOffset? asOf, CancellationToken cancellation, Caller? caller = null) =>
        await BuildAsync(tenantId, year, asOf, null, cancellation, caller);

    public async Task<ReviewDto> BuildAsync(string tenantId, int? year, DateTimeOffset? asOf, string? planId, CancellationToken cancellation, Caller? caller = null)
    {
        await using var session = store.QuerySession(tenantId);
        var now = clock.GetUtcNow();
        var reviewed = await plans.OfYearAsync(session, planId, year, cancellation);
        var plan = plans.CountedAt(reviewed, now);
        var then = asOf is { } at ? plans.CountedAt(reviewed, at) : plan;
        var closed = year is null ? null : await session.LoadAsync<YearReview>(YearReview.IdFor(tenantId, year.Value), cancellation) is { IsClosed: true } review ? review : null;

        var kinds = ProgressLog.CumulativeKinds(plan).Union(ProgressLog.CumulativeKinds(then)).ToList();
        var streams = await ProgressLog.StreamsAsync(session, tenantId, year, kinds, cancellation);
        var events = await ProgressLog.EventsAsync(session, streams, cancellation);

        var current = await FoldAsync(events, plan, cancellation);
        var known = asOf is { } cutoff ? await FoldAsync(events.Where(e => e.Timestamp <= cutoff).ToList(), then, cancellation) : current;
        var late = closed?.ClosedAt is not { } closedAt ? [] : Differences(events, await FoldAsync(events.Where(e => e.Timestamp <= closedAt).ToList(), plan, cancellation), current, closedAt, year, plan);
        var differences = asOf is { } c ? Differences(events, known, current, c, year, plan) : [];
        if (asOf is not null && then != plan)
        {
            differences.Insert(0, CatalogDifference(reviewed, then, plan));
        }

        var people = await register.ReadAsync(session, differences.Concat(late).Select(PersonOf).OfType<Guid>(), caller, cancellation);
        return new ReviewDto(
            year,
            asOf,
            now,
            Figures(known, year, asOf ?? now, then),
            Figures(current, year, now, plan),
            Named(differences, people),
            closed?.ToDto(),
            Named(late, people),
            plan.Catalog.Id);
    }

    /// <summary>A designated person is labelled by their id in the log; the review names them from the register.</summary>
    private static Guid? PersonOf(ReviewDifference d) => d.Record == "designation" && Guid.TryParseExact(d.Label, "N", out var id) ? id : null;

    private static List<ReviewDifference> Named(List<ReviewDifference> differences, IReadOnlyDictionary<Guid, PersonDto> people) =>
        differences.Select(d => PersonOf(d) is { } id && people.GetValueOrDefault(id) is { } p && (p.Name ?? p.SubjectKey) is { } name ? d with { Label = name } : d).ToList();

    public static ReviewFigures Figures(MemoryProgressStorage fold, int? year, DateTimeOffset seenAt, CurrentPlan plan)
    {
        var today = DateOnly.FromDateTime(seenAt.ToOffset(DistrictClock.Offset).DateTime);
        var mine = fold.Rollups.Where(r => r.Plan == plan.Catalog.Id).ToList();
        var targets = mine.Where(r => r.Scope == RollupScope.Target).ToLookup(r => r.Target);
        var measures = mine.Where(r => r.Scope == RollupScope.Measure).ToLookup(r => r.Measure);
        return new ReviewFigures(
            plan.Catalog.Targets.Select(t => TargetEvaluation.Evaluate(t, targets[t.Code].ToList(), year, today, plan.Catalog.Id)).ToList(),
            plan.Catalog.Measures.Select(m => MeasureEvaluation.Describe(m, measures[m.Code].ToList(), year, plan.Period, plan.Catalog.Id)).ToList());
    }

    /// <summary>A year's figures from exactly these events (in log order), as known at <paramref name="seenAt"/>, by a plan's catalog.</summary>
    public async Task<ReviewFigures> FiguresAsync(IReadOnlyList<IEvent> events, int year, DateTimeOffset seenAt, CurrentPlan plan, CancellationToken cancellation) =>
        Figures(await FoldAsync(events, plan, cancellation), year, seenAt, plan);

    /// <summary>The records' events folded with <paramref name="plan"/> as the version of its plan (the shipped plan is always counted by its file).</summary>
    private async Task<MemoryProgressStorage> FoldAsync(IReadOnlyList<IEvent> events, CurrentPlan plan, CancellationToken cancellation)
    {
        var storage = plan == plans.Shipped
            ? new MemoryProgressStorage()
            : new MemoryProgressStorage(new PlanTally { Id = DistrictPlanBook.StreamOf(plan.Catalog.Id), PlanId = plan.Catalog.Id, ContentHash = plan.ContentHash, Catalog = plan.Catalog });
        await new ProgressFold(plans.Shipped).ApplyAsync(storage, events, cancellation);
        return storage;
    }

    /// <summary>The catalog's own change between the cut-off and now: what a target value or a counting rule moved.</summary>
    private static ReviewDifference CatalogDifference(LoadedPlan reviewed, CurrentPlan then, CurrentPlan now)
    {
        var changes = PlanChanges.Between(then.Catalog, now.Catalog);
        var from = reviewed.Versions.LastOrDefault(v => v.ContentHash == then.ContentHash)?.Number;
        var to = reviewed.Versions.LastOrDefault(v => v.ContentHash == now.ContentHash)?.Number;
        var published = reviewed.Versions.Where(v => v.Number > (from ?? 0) && v.Number <= (to ?? int.MaxValue) && v.PublishedAt is not null).Select(v => v.PublishedAt!.Value).ToList();
        return new ReviewDifference(
            "catalog",
            DistrictPlanBook.StreamOf(reviewed.PlanId),
            $"{reviewed.PlanId} version {from} → {to}",
            null,
            changes,
            published.Count > 0 ? published.Min() : default,
            published.Count > 0 ? published.Max() : default,
            "/api/v1/plans");
    }

    /// <summary>The records whose contribution differs, both read by today's catalog: a change of the catalog is listed on its own.</summary>
    private static List<ReviewDifference> Differences(IReadOnlyList<IEvent> events, MemoryProgressStorage before, MemoryProgressStorage after, DateTimeOffset cutoff, int? year, CurrentPlan plan)
    {
        var differences = new List<ReviewDifference>();
        var tallies = after.Tallies.ToDictionary(t => t.Id);
        var existing = events.Where(e => e.Timestamp <= cutoff).Select(e => e.StreamId).ToHashSet();
        foreach (var stream in events.Where(e => e.Timestamp > cutoff).GroupBy(e => e.StreamId))
        {
            if (!tallies.TryGetValue(stream.Key, out var then))
            {
                continue;
            }

            var earlier = before.Tally(then.GetType(), stream.Key);
            if (Canonical(earlier, year, plan) == Canonical(then, year, plan))
            {
                continue;
            }

            var changes = stream.Select(e => ChangeKind(e.Data, existing.Contains(stream.Key))).OfType<string>().Distinct().ToList();
            var (label, institution) = Describe(then);
            differences.Add(new ReviewDifference(RecordKind(then), stream.Key, label, institution, changes, stream.Min(e => e.Timestamp), stream.Max(e => e.Timestamp), HistoryOf(then)));
        }

        return differences.OrderBy(d => d.FirstChangedAt).ToList();
    }

    /// <summary>What a record adds to the year's figures (the year itself, and earlier years of cumulative targets), as comparable text.</summary>
    private static string Canonical(ITally? tally, int? year, CurrentPlan plan) =>
        tally is null
            ? ""
            : YearScope.Canonical(tally.Contributions(plan), key => year is null ? key.Year <= plan.Period.To : YearScope.Touches(key, year.Value, plan));

    private static string? ChangeKind(object data, bool existedBefore) => data switch
    {
        Contracts.Activities.ActivityReported => "late_report",
        Contracts.Activities.AttendanceRecorded => "attendance",
        Contracts.Activities.ActivityCorrected => "correction",
        Contracts.Activities.ActivityRetracted => "retraction",
        Contracts.Activities.ActivityVerified => "verification",
        Contracts.Activities.ActivityRejected => "rejection",
        Contracts.Activities.ActivityHeldForReview => "held_for_review",
        Contracts.Institutions.InstitutionRegistered => "school_registration",
        Contracts.Designations.SubjectDesignated => "designation",
        Contracts.Designations.DesignationRevoked => "revocation",
        Contracts.Volunteers.VolunteerRegistered => "registration",
        Contracts.Volunteers.VolunteerDeregistered => "deregistration",
        Contracts.Designations.DesignationVerified or Contracts.Volunteers.VolunteerVerified or Contracts.Indicators.ObservationVerified => "verification",
        Contracts.Designations.DesignationRejected or Contracts.Volunteers.VolunteerRejected or Contracts.Indicators.ObservationRejected => "rejection",
        Contracts.Indicators.ObservationWithdrawn => "withdrawal",
        Contracts.Indicators.IndicatorObserved or Contracts.Indicators.RankObserved => existedBefore ? "observation" : "late_observation",
        _ => null,
    };

    private static string RecordKind(ITally tally) => tally switch
    {
        ActivityTally => "activity",
        DesignationTally => "designation",
        VolunteerTally => "volunteer",
        SchoolTally => "school",
        _ => "indicator",
    };

    private static (string Label, Guid? Institution) Describe(ITally tally) => tally switch
    {
        ActivityTally { Activity: { } a } => (a.Title, a.InstitutionId),
        DesignationTally { Designation: { } d } => (d.SubjectName, null),
        VolunteerTally { Volunteer: { } v } => (v.PersonKey[..12], v.Registrations.Count == 1 ? v.Registrations[0].InstitutionId : null),
        IndicatorTally { Indicator: { } i } => (i.TargetCode, null),
        SchoolTally { School: { } s } => (s.Name, s.Id),
        _ => ("", null),
    };

    private static string HistoryOf(ITally tally) => tally switch
    {
        ActivityTally a => $"/api/v1/activities/{a.Id}/history",
        DesignationTally d => $"/api/v1/designations/{d.Id}",
        IndicatorTally i => $"/api/v1/indicators/{i.Indicator?.TargetCode}/observations",
        SchoolTally s => $"/api/v1/institutions/{s.Id}",
        _ => "/api/v1/volunteers",
    };
}
