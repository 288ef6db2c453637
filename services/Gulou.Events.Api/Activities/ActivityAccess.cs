using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;

namespace Gulou.Events.Api.Activities;

public static class ActivityAccess
{
    /// <summary>A partner's activity id follows from its external reference, so a resend finds the same stream.</summary>
    public static Guid IdFor(string tenantId, Guid institutionId, string externalRef) =>
        DeterministicGuid.Create("activity", tenantId, institutionId.ToString(), externalRef);

    /// <summary>Partners read only their own activities; units, auditors and administrators read all.</summary>
    public static void EnsureCanRead(ActivityRecord activity, Caller caller)
    {
        if (caller.IsPartner && activity.InstitutionId != caller.InstitutionId)
        {
            throw ProblemException.Forbidden("A partner may read only the activities it reported.");
        }
    }

    /// <summary>Only the institution that reported an activity amends it.</summary>
    public static void EnsureOwner(ActivityRecord activity, Caller caller)
    {
        if (!caller.IsPartner || activity.InstitutionId != caller.InstitutionId)
        {
            throw ProblemException.Forbidden("Only the institution that reported this activity may change it.");
        }
    }
}
