using Gulou.Events.Contracts.Volunteers;
using JasperFx.Events.Projections;
using Marten;

namespace Gulou.Events.Api.Volunteers;

/// <summary>Science volunteers registered by institutions, known only by a keyed hash of their ID number; one person is one volunteer across institutions.</summary>
public static class VolunteersModule
{
    private static void ConfigureVolunteers(this StoreOptions opts)
    {
        opts.Events.MapEventType<VolunteerRegistered>("volunteer_registered");
        opts.Events.MapEventType<VolunteerDeregistered>("volunteer_deregistered");
        opts.Events.MapEventType<VolunteerVerified>("volunteer_verified");
        opts.Events.MapEventType<VolunteerRejected>("volunteer_rejected");
        opts.Projections.Snapshot<VolunteerRecord>(SnapshotLifecycle.Inline);
        opts.Schema.For<VolunteerRecord>().Index(v => v.PersonKey);
    }

    public static IServiceCollection AddVolunteers(this IServiceCollection services) => services
        .AddSingleton<PersonKeys>()
        .ConfigureMarten(opts => opts.ConfigureVolunteers());
}
