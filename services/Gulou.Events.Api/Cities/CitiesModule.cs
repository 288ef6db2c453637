using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Cities;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;

namespace Gulou.Events.Api.Cities;

/// <summary>Cities, each a named set of districts: a super-administrator creates them and issues their keys; a city auditor reads the districts' figures side by side, summed where they add up.</summary>
public static class CitiesModule
{
    public static void ConfigureCities(this StoreOptions opts)
    {
        opts.Events.MapEventType<CityRegistered>("city_registered");
        opts.Events.MapEventType<CityDistrictAdded>("city_district_added");
        opts.Events.MapEventType<CityKeyIssued>("city_key_issued");
        opts.Events.MapEventType<CityKeyRevoked>("city_key_revoked");
        opts.Projections.Snapshot<CityRecord>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CityKeyRecord>(SnapshotLifecycle.Inline);
        opts.Schema.For<CityKeyRecord>().UniqueIndex(UniqueIndexType.Computed, "ux_city_key_secret_hash", k => k.SecretHash);
    }

    public static IServiceCollection AddCities(this IServiceCollection services) => services
        .AddSingleton<CityRegistry>()
        .AddSingleton<ICityKeyStore, CityKeyStore>();
}
