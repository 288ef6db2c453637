using Marten.Storage;
using Npgsql;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>
/// Every database of the store, the main one and the pool's, hands out connections that keep the statements they run
/// again prepared on the server, across the pool's returns of the connection.
/// </summary>
public sealed class PreparedStatementsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Each_database_of_the_store_keeps_a_repeated_statement_prepared_on_its_connection()
    {
        var databases = (await app.Store.Storage.AllDatabases()).Cast<MartenDatabase>().ToList();
        var second = new NpgsqlConnectionStringBuilder(app.SecondConnectionString).Database;
        Assert.Contains(databases, d => new NpgsqlConnectionStringBuilder(d.DataSource.ConnectionString).Database == second);
        foreach (var database in databases)
        {
            var marker = $"select {Random.Shared.Next(1_000_000, 9_999_999)} as prepared_statements_test";
            await using var connection = await database.DataSource.OpenConnectionAsync();
            for (var i = 0; i < 3; i++)
            {
                await using var command = new NpgsqlCommand(marker, connection);
                await command.ExecuteScalarAsync();
            }

            await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements where statement = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = marker } },
            };
            Assert.True((long)(await prepared.ExecuteScalarAsync())! == 1, $"'{marker}' is not prepared on a connection of database {new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString).Database}");
        }
    }
}
