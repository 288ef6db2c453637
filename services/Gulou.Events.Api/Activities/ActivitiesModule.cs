using Gulou.Events.Api.Activities.ExpiringEvidence;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Persons.Retention;
using Marten;

namespace Gulou.Events.Api.Activities;

/// <summary>Activities reported by partner institutions: reporting one, a batch or a CSV file, attendance, evidence (and its expiry), corrections, retraction, verification by the leading unit, and every event of each activity's history.</summary>
public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services) => services.AddRecord<ActivityRecord>(opts => opts.Schema.For<ActivityRecord>()
        .Duplicate(a => a.InstitutionId)
        .Duplicate(a => a.Year)
        .Duplicate(a => a.Status)
        .Duplicate(a => a.Kind)
        .Duplicate(a => a.HostInstitutionId)
        .GinIndexJsonData())
        .AddSingleton<IExpiringRecords, EvidenceExpiry>();
}
