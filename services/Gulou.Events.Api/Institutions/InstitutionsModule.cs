using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Marten;
using Marten.Schema;

namespace Gulou.Events.Api.Institutions;

/// <summary>Partner institutions and responsible units of the district, and the access keys issued to them (shown once, stored hashed, revoked at once).</summary>
public static class InstitutionsModule
{
    /// <summary>The keys behind authentication, and their announcement to every node when one is issued or revoked.</summary>
    public static IServiceCollection AddInstitutions(this IServiceCollection services, GulouSettings settings) => services
        .AddSingleton<IApiKeyStore, ApiKeyStore>()
        .AddRecord<Institution>(opts => opts.Schema.For<Institution>().Index(i => i.Name))
        .AddRecord<ApiKeyRecord>(opts => opts.Schema.For<ApiKeyRecord>()
            .UniqueIndex(UniqueIndexType.Computed, "ux_api_key_secret_hash", k => k.SecretHash)
            .Index(k => k.InstitutionId))
        .ConfigureMarten((provider, opts) => opts.Listeners.Add(new ApiKeyAnnouncements(provider.GetRequiredService<ApiKeyCache>(), settings.DatabaseSchema)));
}
