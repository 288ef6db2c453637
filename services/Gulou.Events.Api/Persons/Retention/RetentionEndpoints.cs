using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Persons;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Gulou.Events.Api.Persons.Retention;

public static class RetentionEndpoints
{
    /// <summary>
    /// The retention report, a dry run: the people the schedule would erase today (volunteers whose last registration
    /// ended more than <c>Gulou:Retention:VolunteerYears</c> years ago), with the day each was kept until. Erases nothing.
    /// </summary>
    /// <param name="dryRun">Only true (the default): a GET never erases; <c>POST /api/v1/persons/retention</c> does.</param>
    [WolverineGet("/api/v1/persons/retention", OperationId = "GetRetentionReport")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static Task<RetentionReportDto> Get(bool? dryRun, Caller caller, RetentionSchedule schedule, CancellationToken cancellation) =>
        dryRun == false
            ? throw ProblemException.Invalid("dryRun", "A GET only reports; POST /api/v1/persons/retention erases what is due.")
            : schedule.RunAsync(caller.TenantId, dryRun: true, cancellation);

    /// <summary>Runs the retention schedule in the district now: erases everyone the report lists, as the daily job does.</summary>
    [WolverinePost("/api/v1/persons/retention", OperationId = "RunRetention")]
    [Authorize(Roles = AccessRoles.Admin)]
    public static Task<RetentionReportDto> Post(Caller caller, RetentionSchedule schedule, CancellationToken cancellation) =>
        schedule.RunAsync(caller.TenantId, dryRun: false, cancellation);
}
