using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Persons;
using Marten;

namespace Gulou.Events.Api.Volunteers;

/// <summary>Science volunteers registered by institutions, known only by a keyed hash of their ID number; one person is one volunteer across institutions.</summary>
public static class VolunteersModule
{
    public static IServiceCollection AddVolunteers(this IServiceCollection services) => services
        .AddSingleton<PersonKeys>()
        .AddSingleton<IHoldsPersons, VolunteerHoldings>()
        .AddRecord<VolunteerRecord>(opts => opts.Schema.For<VolunteerRecord>().Index(v => v.PersonKey));
}
