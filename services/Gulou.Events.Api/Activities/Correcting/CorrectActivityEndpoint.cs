using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts.Activities;
using Gulou.Events.Contracts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.Correcting;

public sealed class CorrectActivityValidator : AbstractValidator<CorrectActivity>
{
    public CorrectActivityValidator(CurrentPlan plan, TimeProvider clock)
    {
        // The kind and the measures are codes of the plan of the corrected date: checked once that plan is known.
        RuleFor(r => r.ExpectedVersion).NotNull().GreaterThan(0);
        RuleFor(r => r.Kind).Must(k => k is null || k.Trim().Length > 0).WithMessage("kind may not be blank.");
        RuleFor(r => r.MeasureCodes).Must(c => c is null || c.Count is > 0 and <= ActivityFieldRules.MaxMeasures)
            .WithMessage($"List 1 to {ActivityFieldRules.MaxMeasures} measure codes, or leave the field out to keep the recorded ones.");
        RuleForEach(r => r.MeasureCodes).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("A measure code is not blank.");
        RuleFor(r => r.Title).Must(t => t is null || t.Trim().Length > 0).WithMessage("title may not be blank.").Text(ActivityFieldRules.MaxTitle);
        RuleFor(r => r.OccurredOn).FromPlanStartAndPast(plan, clock);
        RuleFor(r => r.Venue).Text(ActivityFieldRules.MaxVenue);
        RuleFor(r => r.Community).Text(ActivityFieldRules.MaxCommunity);
        RuleFor(r => r.Attendance!).SetValidator(new AudienceCountsValidator()).When(r => r.Attendance is not null);
        RuleFor(r => r.VolunteerHours).VolunteerHours();
    }
}

public static class CorrectActivityEndpoint
{
    /// <summary>
    /// Corrects the reporting institution's own report: the fields sent replace the recorded ones. A correction of a
    /// verified activity takes it out of the verified figures; a correction of a rejected one resubmits it, still out of
    /// the figures until a unit decides again. Above the ceiling of its kind the activity is held for review. The
    /// corrected activity belongs to the plan of its (new) date: its kind and measures are checked against that plan's
    /// catalog, and a new date in another plan's period moves it to that plan's figures.
    /// </summary>
    [WolverinePost("/api/v1/activities/{id}/corrections", OperationId = "CorrectActivity")]
    [Refuses(403, ErrorCodes.Forbidden, "another institution reported the activity")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity was retracted")]
    [Refuses(422, ErrorCodes.NoPlanForDate, "the district has no plan whose period holds the corrected date")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static async Task<ActivityDto> Post(Guid id, CorrectActivity request, Caller caller, DistrictPlanBook plans, TimeProvider clock, YearLocks locks, IDocumentSession session, CancellationToken cancellation)
    {
        var all = await plans.AllAsync(session, cancellation);
        if (request.HostInstitutionId is { } host && host != Guid.Empty && host != caller.InstitutionId)
        {
            await ActivityHosts.EnsureRegisteredAsync(session, host, cancellation);
        }

        return await ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => ActivityAccess.EnsureOwner(a, caller), a => Decide(request, a, plans.ForActivity(all, request.OccurredOn ?? a.OccurredOn, "occurredOn")), EvidenceAudience.Of(caller, clock), locks, cancellation);
    }

    /// <summary>
    /// The correction (and a hold above the ceiling), or nothing when every field sent already has the value sent.
    /// <paramref name="plan"/> is the plan of the corrected date.
    /// </summary>
    public static IReadOnlyList<object> Decide(CorrectActivity request, ActivityRecord activity, CurrentPlan plan)
    {
        if (activity.IsClosed)
        {
            throw ProblemException.InvalidState("The activity was retracted; a retracted report is not corrected.");
        }

        var before = ActivityContent.Of(activity);
        var after = new ActivityContent(
            request.Kind?.Trim() ?? before.Kind,
            request.MeasureCodes is { } codes ? ActivityContent.NormalizeCodes(codes) : before.MeasureCodes,
            request.Title?.Trim() ?? before.Title,
            request.OccurredOn ?? before.OccurredOn,
            request.EndsOn ?? before.EndsOn,
            request.Venue is null ? before.Venue : FreeText.Normalize(request.Venue),
            request.Community is null ? before.Community : FreeText.Normalize(request.Community),
            request.Attendance ?? before.Attendance,
            request.VolunteerHours ?? before.VolunteerHours,
            request.HostInstitutionId switch
            {
                null => before.HostInstitutionId,
                { } host when host == Guid.Empty => null,
                { } host => ActivityHosts.Normalize(host, activity.InstitutionId),
            });

        if (after.EndsOn is { } end && (end < after.OccurredOn || end > after.OccurredOn.AddDays(ActivityFieldRules.MaxActivityDays)))
        {
            throw ProblemException.Invalid("endsOn", $"endsOn is on or after occurredOn, and at most {ActivityFieldRules.MaxActivityDays} days later.");
        }

        if (!plan.HasKind(after.Kind))
        {
            throw ProblemException.Invalid("kind", $"'{after.Kind}' is not an activity kind of the plan {plan.Catalog.Id}, which holds {after.OccurredOn:yyyy-MM-dd}; see GET /api/v1/plan?plan={plan.Catalog.Id}.");
        }

        if (after.MeasureCodes.FirstOrDefault(m => !plan.HasMeasure(m)) is { } unknown)
        {
            throw ProblemException.Invalid("measureCodes", $"'{unknown}' is not a measure of the plan {plan.Catalog.Id}, which holds {after.OccurredOn:yyyy-MM-dd}; see GET /api/v1/plan?plan={plan.Catalog.Id}.");
        }

        var changed = after.ChangedFrom(before);
        if (changed.Count == 0)
        {
            return [];
        }

        var corrected = new ActivityCorrected(activity.Id, after.Kind, after.MeasureCodes, after.Title, after.OccurredOn, after.EndsOn,
            after.Venue, after.Community, after.Attendance, after.VolunteerHours, changed, after.HostInstitutionId);
        return ActivityPlausibility.Hold(plan, activity.Id, after.Kind, after.Attendance, activity.Status) is { } hold ? [corrected, hold] : [corrected];
    }
}
