using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Batching;

public sealed class ReportBatchValidator : AbstractValidator<ReportBatch>
{
    public ReportBatchValidator()
    {
        RuleFor(b => b.Items)
            .NotNull().WithMessage("List the reports under 'items'.")
            .Must(items => items is null || items.Count is > 0 and <= ReportBatch.MaxItems)
            .WithMessage($"A batch holds 1 to {ReportBatch.MaxItems} items; send more in several batches.");
    }
}

public static class ReportBatchEndpoint
{
    /// <summary>A thousand reports with every field at its longest, written with JSON escapes, fit with room to spare.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Reports up to 1,000 activities at once. Every item gets a result in input order: created, duplicate, conflict or
    /// rejected (with its field errors). Valid items are stored even when others fail, unless <c>atomic=true</c>: then any
    /// failure stores nothing and the answer is a problem that still lists every item's result.
    /// </summary>
    [WolverinePost("/api/v1/activities/batch", OperationId = "ReportActivities")]
    [Refuses(409, ErrorCodes.ExternalRefConflict, "with `atomic=true`, an item's `externalRef` already names a different report; nothing was stored and `items` tells each item's fate")]
    [Refuses(409, ErrorCodes.VersionConflict, "other requests kept reporting the same references at the same moment; send the batch again")]
    [Authorize(Roles = AccessRoles.Partner)]
    [RequestBodyLimit(MaxBodyBytes)]
    public static async Task<BatchResult> Post(
        ReportBatch request, bool? atomic, Caller caller, DistrictPlanBook plans, TimeProvider clock, IValidator<ReportActivity> validator, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var mode = atomic == true ? BatchMode.Atomic : BatchMode.Store;
        var entries = request.Items.Select(item => new BatchEntry(item)).ToList();
        var results = await new ActivityBatch(session, caller, plans, clock, validator, locks).ProcessAsync(entries, mode, cancellation);
        var items = results.Select((r, index) => new BatchItemResult(index, r.ExternalRef, r.Outcome, r.Id, r.Code, r.Detail, r.Errors)).ToList();
        var counts = OutcomeTally.Of(results);
        if (mode == BatchMode.Atomic && results.Any(r => r.Failed))
        {
            throw NothingStored(items, counts);
        }

        return new BatchResult(mode == BatchMode.Atomic, counts, items);
    }

    /// <summary>An atomic batch with a failure: 400 when an item is invalid (errors keyed <c>items[i].field</c>), else 409.</summary>
    private static ProblemException NothingStored(List<BatchItemResult> items, OutcomeCounts counts)
    {
        var extensions = new Dictionary<string, object?> { ["items"] = items, ["counts"] = counts };
        if (counts.Rejected > 0)
        {
            var errors = items.Where(i => i.Errors is not null)
                .SelectMany(i => i.Errors!.Select(e => (Key: e.Key == "body" ? $"items[{i.Index}]" : $"items[{i.Index}].{e.Key}", e.Value)))
                .ToDictionary(e => e.Key, e => e.Value);
            return new ProblemException(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "One or more items are invalid.",
                $"{counts.Rejected} of {items.Count} items are invalid and {counts.Conflict} conflict; nothing was stored.", errors, extensions);
        }

        var locked = items.Where(i => i.Outcome == ReportOutcome.Conflict).All(i => i.Code == ErrorCodes.YearLocked);
        return new ProblemException(StatusCodes.Status409Conflict, locked ? ErrorCodes.YearLocked : ErrorCodes.ExternalRefConflict, "Conflict",
            $"{counts.Conflict} of {items.Count} items conflict with activities already reported under their externalRef or fall in a closed year; nothing was stored.",
            extensions: extensions);
    }
}
