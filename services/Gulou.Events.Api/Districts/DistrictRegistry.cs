using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Districts;
using Gulou.Events.Contracts.Institutions;
using Marten;

namespace Gulou.Events.Api.Districts;

/// <summary>
/// The districts of the deployment: a stream per district in the main database (the default tenant, which is no
/// district's), the database each is assigned to, and what makes a new district usable at once (its plan, an
/// administrator institution and key).
/// </summary>
public sealed partial class DistrictRegistry(
    IDocumentStore store, DistrictDatabases databases, DistrictPlans plans, CurrentPlan plan, TimeProvider clock, ILogger<DistrictRegistry> logger)
{
    public const string AdministratorKeyLabel = "district administrator";

    public async Task<IReadOnlyList<DistrictRecord>> ListAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<DistrictRecord>().OrderBy(d => d.Code).ToListAsync(cancellation);
    }

    public async Task<DistrictRecord?> FindAsync(string code, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<DistrictRecord>(DistrictRecord.IdFor(code), cancellation);
    }

    /// <summary>
    /// Registers the district, assigns it its database, then records its plan and its first administrator key. Should
    /// the last steps not happen (the database went away), <see cref="IssueAdministratorKeyAsync"/> completes them.
    /// </summary>
    public async Task<DistrictCreated> CreateAsync(CreateDistrict request, CancellationToken cancellation)
    {
        var names = await databases.NamesAsync(cancellation);
        var database = request.Database ?? DistrictTenancy.Main;
        if (!names.Contains(database))
        {
            throw ProblemException.Invalid("database", $"'{database}' is not a database of the pool; configured: {string.Join(", ", names)}.");
        }

        if (names.Contains(request.Code))
        {
            throw ProblemException.Invalid("code", $"'{request.Code}' names a database of the pool; choose another code.");
        }

        if (await databases.AssignedAsync(request.Code, cancellation) is { } assigned && assigned != database)
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"District '{request.Code}' already has data in database '{assigned}'.");
        }

        var registered = new DistrictRegistered(request.Code, request.Name.Trim(), database, request.Plans is { Count: > 0 } listed ? [.. listed.Distinct()] : plans.Default);
        if (!await RegisterAsync(registered, cancellation))
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"District '{request.Code}' exists.");
        }

        await databases.AssignAsync(registered.Code, database, cancellation);
        var key = ApiKeys.Generate();
        var keyId = await TenantBootstrap.EnsureAsync(store, plan, registered.Code, key, logger, cancellation);
        var record = await FindAsync(registered.Code, cancellation);
        LogCreated(logger, registered.Code, database);
        return new DistrictCreated(record!.ToDto(),
            new IssuedKey(keyId!.Value, TenantBootstrap.AdministratorIdFor(registered.Code), key, TenantBootstrap.BootstrapLabel, clock.GetUtcNow()));
    }

    /// <summary>Registers a district unless it is registered; true when this call registered it.</summary>
    public async Task<bool> RegisterAsync(DistrictRegistered registered, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var id = DistrictRecord.IdFor(registered.Code);
        if (await session.LoadAsync<DistrictRecord>(id, cancellation) is not null)
        {
            return false;
        }

        session.Events.StartStream<DistrictRecord>(id, registered);
        try
        {
            await session.SaveChangesAsync(cancellation);
            return true;
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            return false;
        }
    }

    /// <summary>Another administrator key for a registered district; also completes a creation that was cut short.</summary>
    public async Task<IssuedKey> IssueAdministratorKeyAsync(string code, CancellationToken cancellation)
    {
        var district = await FindAsync(code, cancellation) ?? throw ProblemException.NotFound("district", code);
        if (await databases.AssignedAsync(code, cancellation) != district.Database)
        {
            await databases.AssignAsync(code, district.Database, cancellation);
        }

        return await TenantBootstrap.IssueAdministratorKeyAsync(store, plan, code, AdministratorKeyLabel, clock, cancellation);
    }

    /// <summary>Records that a district's data now lives in another database, and assigns it there.</summary>
    public async Task RecordMoveAsync(string code, string from, string to, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<DistrictRecord>(DistrictRecord.IdFor(code), cancellation);
        if (stream.Aggregate?.Database != to)
        {
            stream.AppendOne(new DistrictMoved(code, from, to));
            await session.SaveChangesAsync(cancellation);
        }

        await databases.AssignAsync(code, to, cancellation);
    }

    [LoggerMessage(LogLevel.Information, "Created district {District} in database {Database}")]
    private static partial void LogCreated(ILogger logger, string district, string database);
}
