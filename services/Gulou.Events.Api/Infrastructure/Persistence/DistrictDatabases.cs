using Marten;
using Marten.Storage;
using Weasel.Core.MultiTenancy;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>The pool of databases districts live in, and which district lives in which (see <see cref="DistrictTenancy"/>).</summary>
public sealed class DistrictDatabases(IDocumentStore store)
{
    private ITenantDatabasePool Pool => (ITenantDatabasePool)store.Options.Tenancy;

    /// <summary>The names of the databases of the pool: <c>main</c> and every <c>Gulou:Databases</c> entry any node was configured with.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation) =>
        (await Pool.ListDatabasesAsync(cancellation)).Select(d => d.DatabaseId).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every database of the pool, opened.</summary>
    public async Task<IReadOnlyList<IMartenDatabase>> AllAsync() => await store.Storage.AllDatabases();

    public async Task<IMartenDatabase> FindAsync(string name) =>
        (await AllAsync()).SingleOrDefault(d => DistrictTenancy.NameOf(d) == name)
        ?? throw new InvalidOperationException($"No database named '{name}' in the pool.");

    /// <summary>The database a district is assigned to, or null for one never assigned (it would live in the main database).</summary>
    public async Task<string?> AssignedAsync(string district, CancellationToken cancellation) => await Pool.FindDatabaseForTenantAsync(district, cancellation);

    /// <summary>The database a district's data is read from and written to.</summary>
    public async Task<IMartenDatabase> OfAsync(string district) => (await store.Options.Tenancy.GetTenantAsync(district)).Database;

    public async Task AssignAsync(string district, string database, CancellationToken cancellation) =>
        await Pool.AssignTenantAsync(district, database, cancellation);
}
