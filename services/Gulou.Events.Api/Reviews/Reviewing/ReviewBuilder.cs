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
/// figures were known then) and once whole (as known now), through the same fold as the progress projection,
/// and lists each record whose contribution to the year differs between the two.
/// </summary>
public sealed class ReviewBuilder(IDocumentStore store, CurrentPlan plan, PersonRegister register, TimeProvider clock)
{
    /// <param name="caller">Whose review: a designated person is named as they may see them (by every field when null).</param>
    public async Task<ReviewDto> BuildAsync(string tenantId, int? year, DateTimeOffset? asOf, CancellationToken cancellation, Caller? caller = null)
    {
        await using var session = store.QuerySession(tenantId);
        var now = clock.GetUtcNow();
        var closed = year is null ? null : await session.LoadAsync<YearReview>(YearReview.IdFor(tenantId, year.Value), cancellation) is { IsClosed: true } review ? review : null;

        var streams = await ProgressLog.StreamsAsync(session, tenantId, year, ProgressLog.CumulativeKinds(plan), cancellation);
        var events = await ProgressLog.EventsAsync(session, streams, cancellation);

        var current = await FoldAsync(events, cancellation);
        var known = asOf is { } cutoff ? await FoldAsync(events.Where(e => e.Timestamp <= cutoff).ToList(), cancellation) : current;
        var late = closed?.ClosedAt is not { } closedAt ? [] : Differences(events, await FoldAsync(events.Where(e => e.Timestamp <= closedAt).ToList(), cancellation), current, closedAt, year);

        var changed = asOf is { } c ? Differences(events, known, current, c, year) : [];
        var people = await register.ReadAsync(session, changed.Concat(late).Select(PersonOf).OfType<Guid>(), caller, cancellation);
        return new ReviewDto(
            year,
            asOf,
            now,
            Figures(known, year, asOf ?? now),
            Figures(current, year, now),
            Named(changed, people),
            closed?.ToDto(),
            Named(late, people));
    }

    /// <summary>A designated person is labelled by their id in the log; the review names them from the register.</summary>
    private static Guid? PersonOf(ReviewDifference d) => d.Record == "designation" && Guid.TryParseExact(d.Label, "N", out var id) ? id : null;

    private static List<ReviewDifference> Named(List<ReviewDifference> differences, IReadOnlyDictionary<Guid, PersonDto> people) =>
        differences.Select(d => PersonOf(d) is { } id && people.GetValueOrDefault(id) is { } p && (p.Name ?? p.SubjectKey) is { } name ? d with { Label = name } : d).ToList();

    public ReviewFigures Figures(MemoryProgressStorage fold, int? year, DateTimeOffset seenAt)
    {
        var today = DateOnly.FromDateTime(seenAt.ToOffset(DistrictClock.Offset).DateTime);
        var targets = fold.Rollups.Where(r => r.Scope == RollupScope.Target).ToLookup(r => r.Target);
        var measures = fold.Rollups.Where(r => r.Scope == RollupScope.Measure).ToLookup(r => r.Measure);
        return new ReviewFigures(
            plan.Catalog.Targets.Select(t => TargetEvaluation.Evaluate(t, targets[t.Code].ToList(), year, today)).ToList(),
            plan.Catalog.Measures.Select(m => MeasureEvaluation.Describe(m, measures[m.Code].ToList(), year, plan.Period)).ToList());
    }

    /// <summary>A year's figures from exactly these events (in log order), as known at <paramref name="seenAt"/>.</summary>
    public async Task<ReviewFigures> FiguresAsync(IReadOnlyList<IEvent> events, int year, DateTimeOffset seenAt, CancellationToken cancellation) =>
        Figures(await FoldAsync(events, cancellation), year, seenAt);

    private async Task<MemoryProgressStorage> FoldAsync(IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var storage = new MemoryProgressStorage();
        await new ProgressFold(plan).ApplyAsync(storage, events, cancellation);
        return storage;
    }

    private List<ReviewDifference> Differences(IReadOnlyList<IEvent> events, MemoryProgressStorage before, MemoryProgressStorage after, DateTimeOffset cutoff, int? year)
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
            if (Canonical(earlier, year) == Canonical(then, year))
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
    private string Canonical(ITally? tally, int? year) =>
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
