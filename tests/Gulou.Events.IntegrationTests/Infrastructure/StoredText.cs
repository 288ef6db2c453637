using Marten;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Searches the text of every row of every table of the database, in every schema.</summary>
public static class StoredText
{
    /// <summary>The tables (schema.table) with a row that, as text, holds any of the values (case-insensitive).</summary>
    public static async Task<IReadOnlyList<string>> TablesHoldingAsync(AppFixture app, IReadOnlyList<string> values)
    {
        await using var session = app.Store.LightweightSession();
        var tables = await session.AdvancedSql.QueryAsync<string>(
            """
            select format('%I.%I', table_schema, table_name) from information_schema.tables
            where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
            """, CancellationToken.None);
        var holding = new List<string>();
        foreach (var table in tables)
        {
            var count = (await session.AdvancedSql.QueryAsync<long>(
                $"select count(*) from {table} t where exists (select 1 from unnest(?) v where t::text ilike '%' || v || '%')", CancellationToken.None, new object[] { values.ToArray() })).Single();
            if (count > 0)
            {
                holding.Add(table);
            }
        }

        return holding;
    }
}
