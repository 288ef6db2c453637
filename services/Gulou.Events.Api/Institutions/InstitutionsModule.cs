using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts.Institutions;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;

namespace Gulou.Events.Api.Institutions;

/// <summary>Partner institutions and responsible units of the district, and the access keys issued to them (shown once, stored hashed, revoked at once).</summary>
public static class InstitutionsModule
{
    private static void ConfigureInstitutions(this StoreOptions opts)
    {
        opts.Events.MapEventType<InstitutionRegistered>("institution_registered");
        opts.Events.MapEventType<ApiKeyIssued>("api_key_issued");
        opts.Events.MapEventType<ApiKeyRevoked>("api_key_revoked");

        opts.Projections.Snapshot<Institution>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<ApiKeyRecord>(SnapshotLifecycle.Inline);

        opts.Schema.For<Institution>().Index(i => i.Name);
        opts.Schema.For<ApiKeyRecord>()
            .UniqueIndex(UniqueIndexType.Computed, "ux_api_key_secret_hash", k => k.SecretHash)
            .Index(k => k.InstitutionId);
    }

    /// <summary>The keys behind authentication, and their announcement to every node when one is issued or revoked.</summary>
    public static IServiceCollection AddInstitutions(this IServiceCollection services, GulouSettings settings) => services
        .AddSingleton<IApiKeyStore, ApiKeyStore>()
        .ConfigureMarten(opts => opts.ConfigureInstitutions())
        .ConfigureMarten((provider, opts) => opts.Listeners.Add(new ApiKeyAnnouncements(provider.GetRequiredService<ApiKeyCache>(), settings.DatabaseSchema)));
}
