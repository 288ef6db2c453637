using System.Data.Common;
using Npgsql;
using Weasel.Postgresql.Connections;

namespace Gulou.Events.Api.Infrastructure.Persistence;

/// <summary>
/// Every database connection of the store prepares the statements it runs again and again (Npgsql's automatic
/// preparation), unless its connection string says otherwise. Without prepared statements Npgsql resets a pooled
/// connection with <c>DISCARD ALL</c>, which also drops the plans PostgreSQL keeps for the event store's append
/// function, so every report planned that function's statements anew: measured at 1,000,000 events, a single report
/// cost PostgreSQL 1.21 ms of processor time with it and 0.73 ms without (docs/benchmarks.md). A deployment behind a
/// pooler in transaction mode, where prepared statements do not survive, sets <c>Max Auto Prepare=0</c>.
/// </summary>
public static class PreparedStatements
{
    /// <summary>Statements kept prepared per connection: the write and read paths run a few dozen distinct ones.</summary>
    public const int PerConnection = 64;

    /// <summary>A statement is prepared on its second use on a connection.</summary>
    public const int AfterUses = 2;

    private static readonly string[] Keywords = ["Max Auto Prepare", "MaxAutoPrepare"];

    /// <summary>The connection string with automatic preparation, unless it sets <c>Max Auto Prepare</c> itself.</summary>
    public static string Of(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (Keywords.Any(given.ContainsKey))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PerConnection, AutoPrepareMinUsages = AfterUses }.ConnectionString;
    }

    /// <summary>The store's data sources, for the main database and every database of the pool, built from <see cref="Of"/>.</summary>
    public static INpgsqlDataSourceFactory Factory() => new DefaultNpgsqlDataSourceFactory(connectionString => new NpgsqlDataSourceBuilder(Of(connectionString)));
}
