using System.Text.RegularExpressions;
using JasperFx;
using Marten;
using Marten.Storage;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Core.MultiTenancy;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// Districts spread over a pool of PostgreSQL databases (Marten's sharded tenancy without its per-tenant
/// partitions): each district (tenant) is assigned to one database and shares it, conjoined, with the other
/// districts there. The pool and the assignments are two tables in the main database; a district assigned
/// nowhere lives in the main database. Unlike the plain sharded tenancy, the default tenant is usable: it is the
/// main database's, where the district registry and other deployment-wide records are kept; and a district's
/// projection documents are written in whichever database holds its events.
/// </summary>
public sealed partial class DistrictTenancy : ShardedTenancy, ITenancy, IDatabaseSource
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _pool = new(1, 1);
    private readonly string _schema;
    private Tenant? _default;
    private bool _poolExists;

    private DistrictTenancy(StoreOptions options, ShardedTenancyOptions configuration) : base(options, configuration) => _schema = configuration.SchemaName;

    /// <summary>
    /// Replaces the store's tenancy. Events and documents stay conjoined-tenanted tables as with one database:
    /// no partition per district, so a district costs a few rows, not tables.
    /// </summary>
    public static void Use(StoreOptions options, string mainConnectionString, IReadOnlyDictionary<string, string> databases, string schema)
    {
        var configuration = new ShardedTenancyOptions
        {
            ConnectionString = mainConnectionString,
            SchemaName = schema,
        };
        configuration.AddDatabase(Main, mainConnectionString);
        foreach (var (name, connectionString) in databases)
        {
            if (name == Main || !Name().IsMatch(name))
            {
                throw new InvalidOperationException(
                    $"Gulou:Databases:{name}: a database is named with 2 to 40 lower-case letters, digits and hyphens, starting with a letter, and not '{Main}'.");
            }

            configuration.AddDatabase(name, connectionString);
        }

        DistrictTenancy? tenancy = null;
        configuration.UseCustomAssignment(new MainDatabaseAssignment(district => tenancy!.FindDatabaseForTenantAsync(district, CancellationToken.None)));
        options.Tenancy = tenancy = new DistrictTenancy(options, configuration);
    }

    public const string Main = Hosting.GulouSettings.MainDatabase;

    Tenant ITenancy.Default
    {
        get
        {
            if (_default is { } known)
            {
                return known;
            }

            lock (_lock)
            {
                return _default ??= new Tenant(StorageConstants.DefaultTenantId, FindMainAsync().AsTask().GetAwaiter().GetResult());
            }
        }
    }

    /// <summary>
    /// Every database of the pool, which is read from the pool's tables. Those two tables are created here when they
    /// do not exist at all, so that <c>db-apply</c> can start from an empty database; everything else, and any change
    /// to them, is left to <c>db-apply</c> when the schema is not created automatically.
    /// </summary>
    async ValueTask<IReadOnlyList<IDatabase>> IDatabaseSource.BuildDatabases()
    {
        if (!_poolExists)
        {
            await _pool.WaitAsync().ConfigureAwait(false);
            try
            {
                await EnsurePoolAsync().ConfigureAwait(false);
            }
            finally
            {
                _pool.Release();
            }
        }

        return await BuildDatabases().ConfigureAwait(false);
    }

    private async Task EnsurePoolAsync()
    {
        if (_poolExists)
        {
            return;
        }

        await using var connection = TenantDatabase.CreateConnection();
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select to_regclass('{_schema}.mt_database_pool') is not null and to_regclass('{_schema}.mt_tenant_assignments') is not null";
        if (!(bool)(await command.ExecuteScalarAsync().ConfigureAwait(false))!)
        {
            await TenantDatabase.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate).ConfigureAwait(false);
        }

        _poolExists = true;
    }

    /// <summary>
    /// Asked only when a session works for another tenant in its own database: the projection daemon writing a
    /// district's documents where its events are. That is always right, also while a district is being moved and its
    /// events are, for a moment, in a database it is not yet assigned to.
    /// </summary>
    bool ITenancy.IsTenantStoredInCurrentDatabase(IMartenDatabase database, string tenantId) => true;

    private async ValueTask<IMartenDatabase> FindMainAsync()
    {
        var databases = await ((IDatabaseSource)this).BuildDatabases().ConfigureAwait(false);
        return databases.OfType<IMartenDatabase>().Single(d => NameOf(d) == Main);
    }

    /// <summary>The database's name in the pool (<c>main</c>, or its key under <c>Gulou:Databases</c>).</summary>
#pragma warning disable CS0618 // Weasel's DatabaseId names the server and database, not the pool entry.
    public static string NameOf(IMartenDatabase database) => database.Identifier;
#pragma warning restore CS0618

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex Name();

    /// <summary>
    /// A district that was never assigned (one that predates the pool, or the default district) lives in the main
    /// database. One assigned to a database this node has not loaded yet (another node added it moments ago) keeps its
    /// assignment: the node loads that database.
    /// </summary>
    private sealed class MainDatabaseAssignment(Func<string, ValueTask<string?>> assigned) : ITenantAssignmentStrategy
    {
        public async ValueTask<string> AssignTenantToDatabaseAsync(string tenantId, IReadOnlyList<PooledDatabase> availableDatabases) =>
            await assigned(tenantId).ConfigureAwait(false) ?? Main;
    }
}
