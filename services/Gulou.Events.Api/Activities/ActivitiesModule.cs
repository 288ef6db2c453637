using Gulou.Events.Contracts.Activities;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Activities;

/// <summary>Activities reported by partner institutions: reporting one, a batch or a CSV file, attendance, evidence, corrections, retraction, verification by the leading unit, and every event of each activity's history.</summary>
public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services) => services.ConfigureMarten(opts => opts.ConfigureActivities());

    private static void ConfigureActivities(this StoreOptions opts)
    {
        opts.Events.MapEventType<ActivityReported>("activity_reported");
        opts.Events.MapEventType<AttendanceRecorded>("attendance_recorded");
        opts.Events.MapEventType<EvidenceAttached>("evidence_attached");
        opts.Events.MapEventType<ActivityCorrected>("activity_corrected");
        opts.Events.MapEventType<ActivityRetracted>("activity_retracted");
        opts.Events.MapEventType<ActivityVerified>("activity_verified");
        opts.Events.MapEventType<ActivityRejected>("activity_rejected");
        opts.Events.MapEventType<ActivityHeldForReview>("activity_held_for_review");

        opts.Projections.Snapshot<ActivityRecord>(SnapshotLifecycle.Inline);
        opts.Schema.For<ActivityRecord>()
            .Duplicate(a => a.InstitutionId)
            .Duplicate(a => a.Year)
            .Duplicate(a => a.Status)
            .Duplicate(a => a.Kind)
            .Duplicate(a => a.HostInstitutionId)
            .GinIndexJsonData();
    }
}
