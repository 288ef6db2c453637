using FluentValidation;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Reviews.Locking;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Activities.RecordingAttendance;

public sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(r => r.ExpectedVersion).NotNull().GreaterThan(0);
        RuleFor(r => r.Youth).PersonTimes();
        RuleFor(r => r.Workers).PersonTimes();
        RuleFor(r => r.Elderly).PersonTimes();
        RuleFor(r => r.Cadres).PersonTimes();
        RuleFor(r => r.Public).PersonTimes();
        RuleFor(r => r.VolunteerHours).VolunteerHours();
        RuleFor(r => r).Must(r => AddedOf(r).Total > 0 || r.VolunteerHours > 0)
            .OverridePropertyName("body").WithMessage("Add at least one person-time or volunteer hour.");
    }

    public static AudienceCounts AddedOf(RecordAttendance r) => new(r.Youth ?? 0, r.Workers ?? 0, r.Elderly ?? 0, r.Cadres ?? 0, r.Public ?? 0);
}

public static class RecordAttendanceEndpoint
{
    /// <summary>Adds person-times (and volunteer hours) to an activity's totals.</summary>
    [WolverinePost("/api/v1/activities/{id}/attendance", OperationId = "RecordAttendance")]
    [Refuses(403, ErrorCodes.Forbidden, "another institution reported the activity")]
    [Refuses(409, ErrorCodes.InvalidState, "the activity was retracted")]
    [Authorize(Roles = AccessRoles.Partner)]
    public static Task<ActivityDto> Post(Guid id, RecordAttendance request, Caller caller, CurrentPlan plan, TimeProvider clock, YearLocks locks, IDocumentSession session, CancellationToken cancellation) =>
        ActivityAmendment.ApplyAsync(session, id, request.ExpectedVersion, a => ActivityAccess.EnsureOwner(a, caller), a => Decide(request, a, plan), EvidenceAudience.Of(caller, clock), locks, cancellation);

    /// <summary>The attendance, and a hold when the new totals exceed the ceiling of the activity's kind.</summary>
    public static IReadOnlyList<object> Decide(RecordAttendance request, ActivityRecord activity, CurrentPlan plan)
    {
        if (activity.IsClosed)
        {
            throw ProblemException.InvalidState("The activity was retracted; it takes no more attendance.");
        }

        var added = RecordAttendanceValidator.AddedOf(request);
        var totals = activity.Attendance.Plus(added);
        int[] groups = [totals.Youth, totals.Workers, totals.Elderly, totals.Cadres, totals.Public];
        if (groups.Any(g => g > ActivityFieldRules.MaxPersonTimes))
        {
            throw ProblemException.Invalid("body", $"An audience group's total may not exceed {ActivityFieldRules.MaxPersonTimes} person-times.");
        }

        var recorded = new AttendanceRecorded(activity.Id, added, request.VolunteerHours ?? 0m);
        return ActivityPlausibility.Hold(plan, activity.Id, activity.Kind, totals, activity.Status) is { } hold ? [recorded, hold] : [recorded];
    }
}
