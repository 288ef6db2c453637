using FluentValidation;
using Gulou.Events.Api.Activities.Reporting;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;

namespace Gulou.Events.Api.Activities.Batching;

/// <summary>How a batch is stored: the valid items whatever the others, all or nothing, or not at all.</summary>
public enum BatchMode
{
    Store,
    Atomic,
    DryRun,
}

/// <summary>One report of a batch: as read, with what could not be read (a CSV cell that is no number) when anything.</summary>
public sealed record BatchEntry(ReportActivity? Report, IReadOnlyDictionary<string, string[]>? Unreadable = null);

/// <summary>What became of one entry; errors are keyed by the fields' JSON names, as the single report keys them.</summary>
public sealed record EntryResult(
    ReportOutcome Outcome,
    string? ExternalRef,
    Guid? Id = null,
    string? Code = null,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Failed => Outcome is ReportOutcome.Conflict or ReportOutcome.Rejected;
}

/// <summary>
/// Reports many activities at once through the single report's validator and decision: the stored activities are
/// read in one query, the new streams written set-based in one save (<see cref="NewActivityStreams"/>). One instance
/// serves one request, chunk after chunk.
/// </summary>
public sealed class ActivityBatch(
    IDocumentSession session, Caller caller, DistrictPlanBook plans, TimeProvider clock, IValidator<ReportActivity> validator, YearLocks locks)
{
    private readonly CurrentPlan plan = plans.Shipped;

    // The plan of each entry dated after the shipped plan's period, by activity id.
    private readonly Dictionary<Guid, CurrentPlan> _later = [];
    private const int MaxAttempts = 3;

    // The references this request creates, with a key of their content: a later entry under one of them is its
    // duplicate or a conflict. Kept across the chunks of a dry run, where nothing reaches the store in between.
    private readonly Dictionary<Guid, Guid> _pending = [];

    public async Task<IReadOnlyList<EntryResult>> ProcessAsync(IReadOnlyList<BatchEntry> entries, BatchMode mode, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (mode != BatchMode.DryRun)
            {
                _pending.Clear();
            }

            var (results, started) = await DecideAsync(entries, cancellation);
            var stores = mode == BatchMode.Store || (mode == BatchMode.Atomic && !results.Any(r => r.Failed));
            if (!stores || started.Count == 0)
            {
                return results;
            }

            NewActivityStreams.Queue(session, started, PlanOf);

            try
            {
                await session.SaveChangesAsync(cancellation);
                return results;
            }
            catch (Exception e) when (StreamCollision.Is(e))
            {
                // Another request stored one of these references meanwhile: decide again against what it stored.
                session.EjectAllPendingChanges();
                if (attempt == MaxAttempts)
                {
                    throw ProblemException.Conflict(ErrorCodes.VersionConflict, "Other requests kept reporting the same references at the same moment. Send the batch again.");
                }
            }
        }
    }

    private async Task<(List<EntryResult> Results, List<ActivityReported> Started)> DecideAsync(IReadOnlyList<BatchEntry> entries, CancellationToken cancellation)
    {
        var hosts = await ActivityHosts.RegisteredAsync(session,
            entries.Select(e => ActivityHosts.Normalize(e.Report?.HostInstitutionId, caller.InstitutionId)).OfType<Guid>(), cancellation);
        var later = entries.Any(e => e.Report?.OccurredOn is { } day && day > plan.Period.End)
            ? await plans.AllAsync(session, cancellation)
            : [];
        var checkedEntries = entries.Select(e => Check(e, hosts, later)).ToList();
        var ids = checkedEntries.Where(c => c.Rejection is null).Select(c => c.Id).Distinct().ToList();
        var stored = ids.Count == 0
            ? []
            : (await session.LoadManyAsync<ActivityRecord>(cancellation, ids)).ToDictionary(a => a.Id);

        var locked = await locks.ReadAsync(session, cancellation);
        var results = new List<EntryResult>(entries.Count);
        var started = new List<ActivityReported>();
        foreach (var (entry, id, rejection) in checkedEntries)
        {
            results.Add(rejection ?? Decide(entry.Report!, id, stored.GetValueOrDefault(id), started, locked));
        }

        return (results, started);
    }

    private EntryResult Decide(ReportActivity report, Guid id, ActivityRecord? stored, List<ActivityReported> started, LockedYears locked)
    {
        var reference = report.ExternalRef.Trim();
        if (stored is not null)
        {
            try
            {
                ReportActivityEndpoint.Decide(report, id, caller.InstitutionId, stored, PlanOf(id));
                return new EntryResult(ReportOutcome.Duplicate, reference, id);
            }
            catch (ProblemException conflict)
            {
                return new EntryResult(ReportOutcome.Conflict, reference, id, conflict.Code, conflict.Detail);
            }
        }

        var reported = ReportActivityEndpoint.Decide(report, id, caller.InstitutionId, null, PlanOf(id))!;
        if (locked.Refusal<ActivityTally>(caller.InstitutionId, id, [], [reported]) is { } refusal)
        {
            return new EntryResult(ReportOutcome.Conflict, reference, id, refusal.Code, refusal.Detail);
        }

        var content = ContentKey(reported.ContentHash);
        if (_pending.TryGetValue(id, out var earlier))
        {
            return earlier == content
                ? new EntryResult(ReportOutcome.Duplicate, reference, id)
                : new EntryResult(ReportOutcome.Conflict, reference, id, ErrorCodes.ExternalRefConflict,
                    $"externalRef '{reference}' comes earlier in this request with different content.");
        }

        _pending[id] = content;
        started.Add(reported);
        return new EntryResult(ReportOutcome.Created, reference, id);
    }

    private CurrentPlan PlanOf(Guid id) => _later.GetValueOrDefault(id, plan);

    private (BatchEntry Entry, Guid Id, EntryResult? Rejection) Check(BatchEntry entry, IReadOnlySet<Guid> registeredHosts, IReadOnlyList<LoadedPlan> later)
    {
        if (entry.Report is not { } report)
        {
            return (entry, Guid.Empty, Rejected(null, entry.Unreadable ?? new Dictionary<string, string[]> { ["body"] = ["An item is an activity report, not null."] }));
        }

        var errors = RequestValidation.ErrorsOf(validator.Validate(report));
        if (ActivityHosts.Normalize(report.HostInstitutionId, caller.InstitutionId) is { } host && !registeredHosts.Contains(host))
        {
            errors[ActivityHosts.Field] = [ActivityHosts.Unknown(host)];
        }

        foreach (var (field, messages) in entry.Unreadable ?? new Dictionary<string, string[]>())
        {
            errors[field] = messages; // what could not be read is the first thing to fix, not its emptiness
        }

        if (errors.Count > 0)
        {
            return (entry, Guid.Empty, Rejected(report.ExternalRef?.Trim(), errors));
        }

        var id = ActivityAccess.IdFor(caller.TenantId, caller.InstitutionId, report.ExternalRef.Trim());
        if (report.OccurredOn is { } day && day > plan.Period.End)
        {
            CurrentPlan own;
            try
            {
                own = plans.ForActivity(later, day, "occurredOn");
            }
            catch (ProblemException none)
            {
                return (entry, Guid.Empty, new EntryResult(ReportOutcome.Rejected, report.ExternalRef.Trim(), Code: none.Code, Detail: none.Detail, Errors: none.Errors));
            }

            if (ActivityPlans.Errors(report, own, plans, clock) is { } codes)
            {
                return (entry, Guid.Empty, Rejected(report.ExternalRef.Trim(), codes));
            }

            _later[id] = own;
        }

        return (entry, id, null);
    }

    private static EntryResult Rejected(string? reference, IReadOnlyDictionary<string, string[]> errors) =>
        new(ReportOutcome.Rejected, string.IsNullOrEmpty(reference) ? null : reference, Errors: errors);

    /// <summary>The first 128 bits of the content hash: enough to tell contents apart, small enough to keep for 100,000 rows.</summary>
    private static Guid ContentKey(string contentHash) => Guid.ParseExact(contentHash.AsSpan(0, 32), "N");
}
