using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Persons.Rekeying;
using Gulou.Events.Api.Persons.Retention;
using Gulou.Events.Contracts.Persons;
using Marten;

namespace Gulou.Events.Api.Persons;

/// <summary>
/// The person register under the PIPL: people's fields outside the event log, encrypted under a data key each, read
/// on the way out by those who may see them, exported on request, and erased by destroying the key.
/// </summary>
public static class PersonsModule
{
    public static IServiceCollection AddPersons(this IServiceCollection services) => services
        .AddEvents(RecordEvent.Of<PersonErased>("person_erased"))
        .ConfigureMarten(opts =>
        {
            opts.Schema.For<PersonRecord>();
            opts.Schema.For<PersonKeyRecord>().Index(k => k.PersonId);
        })
        .AddSingleton<PersonCipher>()
        .AddSingleton<PersonRegister>()
        .AddSingleton<BlindIndex>()
        .AddSingleton<PersonKeyRotation>()
        .AddSingleton<RetentionSchedule>()
        .AddSingleton<RetentionWorker>()
        .AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
}
