using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Plan;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Plan;
using Marten;

namespace Gulou.Events.Api.Tenants;

/// <summary>
/// Makes a district (tenant) usable: records the plan catalog it runs with (again when the catalog file
/// changed) and, when an administrator key is configured, an administrator institution holding that key.
/// Safe to run on every start and on several nodes at once.
/// </summary>
public static partial class TenantBootstrap
{
    public const string BootstrapLabel = "bootstrap";

    /// <summary>Returns the id of the administrator key, when one was given.</summary>
    public static async Task<Guid?> EnsureAsync(IDocumentStore store, CurrentPlan plan, string tenantId, string? adminKey, ILogger logger, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(tenantId);
        session.CorrelationId = "bootstrap";
        session.LastModifiedBy = "bootstrap";

        await RecordPlanAsync(session, plan, cancellation);
        Guid? keyId = adminKey is null ? null : await EnsureAdministratorAsync(session, tenantId, adminKey, logger, cancellation);

        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            LogRace(logger, tenantId);
        }

        return keyId;
    }

    /// <summary>
    /// Another administrator key for a district, beside the ones it has (a lost key, or a district whose creation
    /// was cut short): records the plan and the administrator institution first when they are missing.
    /// </summary>
    public static async Task<IssuedKey> IssueAdministratorKeyAsync(IDocumentStore store, CurrentPlan plan, string tenantId, string label, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(tenantId);
        session.CorrelationId = "bootstrap";
        session.LastModifiedBy = "bootstrap";

        await RecordPlanAsync(session, plan, cancellation);
        var adminId = await EnsureAdministratorInstitutionAsync(session, tenantId, cancellation);
        var key = ApiKeys.Generate();
        var keyId = Guid.CreateVersion7();
        session.Events.StartStream<ApiKeyRecord>(keyId, new ApiKeyIssued(keyId, adminId, Role.Admin, ApiKeys.Hash(key), label));
        await session.SaveChangesAsync(cancellation);
        return new IssuedKey(keyId, adminId, key, label, clock.GetUtcNow());
    }

    private static async Task RecordPlanAsync(IDocumentSession session, CurrentPlan plan, CancellationToken cancellation)
    {
        var streamId = DeterministicGuid.Create("plan", plan.Catalog.Id);
        var loaded = await session.LoadAsync<LoadedPlan>(streamId, cancellation);
        // A version published over the API stands until the data file itself changes.
        var fromFile = loaded is null ? null : loaded.LoadedHash is { Length: > 0 } hash ? hash : loaded.ContentHash;
        if (fromFile == plan.ContentHash)
        {
            return;
        }

        var recorded = new PlanCatalogLoaded(plan.Catalog.Id, plan.ContentHash, plan.Source, plan.Catalog, loaded is null ? null : DateTimeOffset.UtcNow);
        if (loaded is null)
        {
            session.Events.StartStream<LoadedPlan>(streamId, recorded);
        }
        else
        {
            session.Events.Append(streamId, loaded.Version + 1, recorded);
        }
    }

    /// <summary>The institution a district's administrator keys belong to.</summary>
    public static Guid AdministratorIdFor(string tenantId) => DeterministicGuid.Create("bootstrap-admin", tenantId);

    private static async Task<Guid> EnsureAdministratorInstitutionAsync(IDocumentSession session, string tenantId, CancellationToken cancellation)
    {
        var adminId = AdministratorIdFor(tenantId);
        if (await session.LoadAsync<Institution>(adminId, cancellation) is null)
        {
            session.Events.StartStream<Institution>(adminId,
                new InstitutionRegistered(adminId, "District administrator", InstitutionKind.Government, Role.Admin, null, []));
        }

        return adminId;
    }

    private static async Task<Guid> EnsureAdministratorAsync(IDocumentSession session, string tenantId, string adminKey, ILogger logger, CancellationToken cancellation)
    {
        var adminId = await EnsureAdministratorInstitutionAsync(session, tenantId, cancellation);
        var hash = ApiKeys.Hash(adminKey);
        if (await ApiKeyLookup.FindAsync(session.DocumentStore, hash, cancellation) is { Key: var existing })
        {
            if (existing.TenantId != tenantId)
            {
                throw new InvalidOperationException($"The configured administrator key of district '{tenantId}' is a key of district '{existing.TenantId}'.");
            }

            if (existing.RevokedAt is not null)
            {
                LogRevokedAdminKey(logger, tenantId);
            }

            return existing.Id;
        }

        // A new configured key replaces the previous bootstrap key.
        var previous = await session.Query<ApiKeyRecord>()
            .Where(k => k.InstitutionId == adminId && k.Label == BootstrapLabel && k.RevokedAt == null)
            .ToListAsync(cancellation);
        foreach (var old in previous)
        {
            session.Events.Append(old.Id, new ApiKeyRevoked(old.Id, adminId, "Replaced by a new configured administrator key."));
        }

        var keyId = DeterministicGuid.Create("bootstrap-key", tenantId, hash);
        session.Events.StartStream<ApiKeyRecord>(keyId, new ApiKeyIssued(keyId, adminId, Role.Admin, hash, BootstrapLabel));
        LogIssued(logger, tenantId, keyId);
        return keyId;
    }

    [LoggerMessage(LogLevel.Information, "Another node bootstrapped district {Tenant} at the same time; nothing to do")]
    private static partial void LogRace(ILogger logger, string tenant);

    [LoggerMessage(LogLevel.Error, "The configured administrator key of district {Tenant} was revoked; configure a new one")]
    private static partial void LogRevokedAdminKey(ILogger logger, string tenant);

    [LoggerMessage(LogLevel.Information, "Registered the configured administrator key of district {Tenant} as key {KeyId}")]
    private static partial void LogIssued(ILogger logger, string tenant, Guid keyId);
}
