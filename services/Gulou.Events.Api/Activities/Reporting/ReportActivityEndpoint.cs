using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress.Tallies;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Reporting;

public sealed class ReportActivityValidator : AbstractValidator<ReportActivity>
{
    /// <summary>
    /// The rules of a report under <paramref name="plan"/>. Kinds and measures are codes of the plan the activity's date
    /// belongs to: a report dated after this plan's period is checked against its own plan once that is known
    /// (<see cref="ActivityPlans"/>).
    /// </summary>
    public ReportActivityValidator(CurrentPlan plan, TimeProvider clock)
    {
        RuleFor(r => r.ExternalRef).NotEmpty().Text(ActivityFieldRules.MaxExternalRef);
        When(r => ActivityPlans.IsOf(plan, r.OccurredOn), () =>
        {
            RuleFor(r => r.Kind).NotEmpty().IsKindOf(plan);
            this.MeasureCodesOf(r => r.MeasureCodes, plan);
            RuleFor(r => r.MeasureCodes).NotNull()
                .WithMessage(r => $"Kind '{r.Kind}' counts toward no measure by default; list the measure codes.")
                .When(r => r.Kind is not null && plan.Kind(r.Kind.Trim())?.DefaultMeasures.Count == 0);
        }).Otherwise(() => RuleFor(r => r.Kind).NotEmpty());
        RuleFor(r => r.Title).NotEmpty().Text(ActivityFieldRules.MaxTitle);
        RuleFor(r => r.OccurredOn).NotNull().FromPlanStartAndPast(plan, clock);
        RuleFor(r => r.EndsOn)
            .Must((r, end) => end is null || r.OccurredOn is null || (end >= r.OccurredOn && end <= r.OccurredOn.Value.AddDays(ActivityFieldRules.MaxActivityDays)))
            .WithMessage($"endsOn is on or after occurredOn, and at most {ActivityFieldRules.MaxActivityDays} days later.");
        RuleFor(r => r.Venue).Text(ActivityFieldRules.MaxVenue);
        RuleFor(r => r.Community).Text(ActivityFieldRules.MaxCommunity);
        RuleFor(r => r.Attendance!).SetValidator(new AudienceCountsValidator()).When(r => r.Attendance is not null);
        RuleFor(r => r.VolunteerHours).VolunteerHours();
    }
}

public static class ReportActivityEndpoint
{
    /// <summary>
    /// Reports an activity. Idempotent on the partner's <c>externalRef</c>: the same report again answers 200 with
    /// the same activity; a different report under the same reference is a 409.
    /// </summary>
    [WolverinePost("/api/v1/activities", OperationId = "ReportActivity")]
    [Refuses(409, ErrorCodes.ExternalRefConflict, "the `externalRef` already names a different report of this institution")]
    [Refuses(422, ErrorCodes.NoPlanForDate, "no plan of the district holds `occurredOn` (a year after the shipped plan, before its successor is published)")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>>> Post(
        ReportActivity request, Caller caller, DistrictPlanBook plans, TimeProvider clock, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var plan = await ActivityPlans.OfAsync(request, plans, clock, session, cancellation);
        await ActivityHosts.EnsureRegisteredAsync(session, ActivityHosts.Normalize(request.HostInstitutionId, caller.InstitutionId), cancellation);
        var id = ActivityAccess.IdFor(caller.TenantId, caller.InstitutionId, request.ExternalRef.Trim());
        // Append first: a reference is new far more often than it is sent again, so the stored report is read only
        // when the stream turns out to exist (the same report again answers 200, a different one 409).
        var reported = Decide(request, id, caller.InstitutionId, existing: null, plan)!;
        var events = EventsOf(reported, plan);
        try
        {
            await locks.EnsureOpenAsync<ActivityTally>(session, caller.InstitutionId, id, events, cancellation);
        }
        catch (ProblemException)
        {
            // A report already stored is answered as before, whatever year it is in.
            if (await StoredAsync(session, caller, id, cancellation) is not { } stored)
            {
                throw;
            }

            return Answer(request, id, caller, stored, plan, EvidenceAudience.Of(caller, clock));
        }

        var started = session.Events.StartStream<ActivityRecord>(id, events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            // The reference is taken: by this same report sent before (or at the same time), or by a different one.
            session.EjectAllPendingChanges();
            return await StoredAsync(session, caller, id, cancellation) is { } stored
                ? Answer(request, id, caller, stored, plan, EvidenceAudience.Of(caller, clock))
                : throw new InvalidOperationException("A colliding stream was not found again.", e);
        }

        // The new state follows from the events just stored (stamped by the store); no need to read it back.
        var created = ActivityRecord.Create((JasperFx.Events.IEvent<ActivityReported>)started.Events[0]);
        if (started.Events.Count > 1)
        {
            created.Apply((JasperFx.Events.IEvent<ActivityHeldForReview>)started.Events[1]);
        }

        created.Version = started.Events.Count;
        return TypedResults.Created($"/api/v1/activities/{id}", created.ToDto(EvidenceAudience.Of(caller, clock)));
    }

    private static async Task<ActivityRecord?> StoredAsync(IDocumentSession session, Caller caller, Guid id, CancellationToken cancellation)
    {
        await using var fresh = session.DocumentStore.QuerySession(caller.TenantId);
        return await fresh.LoadAsync<ActivityRecord>(id, cancellation);
    }

    /// <summary>The answer to a report whose reference is already stored: 200 with the activity when it is this report, else 409.</summary>
    private static Ok<ActivityDto> Answer(ReportActivity request, Guid id, Caller caller, ActivityRecord stored, CurrentPlan plan, EvidenceAudience audience) =>
        Decide(request, id, caller.InstitutionId, stored, plan) is null
            ? TypedResults.Ok(stored.ToDto(audience))
            : throw new InvalidOperationException("A stored report was decided as new.");

    /// <summary>The events that start an activity's stream: the report, and its hold when it is above the ceiling of its kind.</summary>
    public static IReadOnlyList<object> EventsOf(ActivityReported reported, CurrentPlan plan) =>
        ActivityPlausibility.Hold(plan, reported.ActivityId, reported.Kind, reported.Attendance, before: null) is { } hold
            ? [reported, hold]
            : [reported];

    /// <summary>The event to record, or null when this exact report is already recorded.</summary>
    /// <exception cref="ProblemException">409 when the reference is taken by a different report.</exception>
    public static ActivityReported? Decide(ReportActivity request, Guid id, Guid institutionId, ActivityRecord? existing, CurrentPlan plan)
    {
        var content = ContentOf(request, institutionId, plan);
        var hash = content.Hash();
        if (existing is not null)
        {
            return existing.ContentHash == hash
                ? null
                : throw ProblemException.Conflict(ErrorCodes.ExternalRefConflict,
                    $"externalRef '{existing.ExternalRef}' already names activity {existing.Id} with different content. Use a new reference, or correct that activity.");
        }

        return new ActivityReported(
            id, institutionId, request.ExternalRef.Trim(), content.Kind, content.MeasureCodes, content.Title, content.OccurredOn,
            content.EndsOn, content.Venue, content.Community, content.Attendance, content.VolunteerHours, hash, content.HostInstitutionId);
    }

    public static ActivityContent ContentOf(ReportActivity request, Guid institutionId, CurrentPlan plan)
    {
        var kind = request.Kind.Trim();
        var measures = request.MeasureCodes ?? plan.Kind(kind)?.DefaultMeasures ?? [];
        return new ActivityContent(
            kind,
            ActivityContent.NormalizeCodes(measures),
            request.Title.Trim(),
            request.OccurredOn!.Value,
            request.EndsOn,
            FreeText.Normalize(request.Venue),
            FreeText.Normalize(request.Community),
            request.Attendance ?? AudienceCounts.None,
            request.VolunteerHours ?? 0m,
            ActivityHosts.Normalize(request.HostInstitutionId, institutionId));
    }
}
