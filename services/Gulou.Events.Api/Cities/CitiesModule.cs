using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Marten;
using Marten.Schema;

namespace Gulou.Events.Api.Cities;

/// <summary>Cities, each a named set of districts: a super-administrator creates them and issues their keys; a city auditor reads the districts' figures side by side, summed where they add up.</summary>
public static class CitiesModule
{
    public static IServiceCollection AddCities(this IServiceCollection services) => services
        .AddRecord<CityRecord>()
        .AddRecord<CityKeyRecord>(opts => opts.Schema.For<CityKeyRecord>().UniqueIndex(UniqueIndexType.Computed, "ux_city_key_secret_hash", k => k.SecretHash))
        .AddSingleton<CityRegistry>()
        .AddSingleton<ICityKeyStore, CityKeyStore>();
}
