using Gulou.Events.Contracts.Designations;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Designations;

/// <summary>Designations that responsible units award and revoke: certified communities, science bases, model-worker studios and backbone teachers; a subject is one record however often designated.</summary>
public static class DesignationsModule
{
    public static IServiceCollection AddDesignations(this IServiceCollection services) => services.ConfigureMarten(opts => opts.ConfigureDesignations());

    private static void ConfigureDesignations(this StoreOptions opts)
    {
        opts.Events.MapEventType<SubjectDesignated>("subject_designated");
        opts.Events.MapEventType<DesignationRevoked>("designation_revoked");
        opts.Events.MapEventType<DesignationVerified>("designation_verified");
        opts.Events.MapEventType<DesignationRejected>("designation_rejected");
        opts.Projections.Snapshot<DesignationRecord>(SnapshotLifecycle.Inline);
        opts.Schema.For<DesignationRecord>().Duplicate(d => d.Kind);
    }
}
