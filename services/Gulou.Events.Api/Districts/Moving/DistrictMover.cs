using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Progress;
using Marten;
using Marten.Storage;
using Npgsql;

namespace Gulou.Events.Api.Districts.Moving;

public sealed record DistrictMove(string District, string From, string To, long Streams, long Events, long Documents, long Deleted);

/// <summary>
/// Moves a district's data to another database of the pool, while no node writes to that district: its streams and
/// events (which take new sequence numbers in the target's log, in their old order), and every document of the district
/// except those the progress projection writes, which the target's projection daemon makes anew from the moved events.
/// The copy replaces any earlier copy in the target in one transaction; then the registry records the move and assigns
/// the district there; then the district's rows are deleted from the source. Run again after an interruption, it
/// finishes what is left: a copy not yet switched to is made again, rows left behind after the switch are deleted.
/// </summary>
public sealed class DistrictMover(IDocumentStore store, DistrictRegistry registry, DistrictDatabases databases)
{
    /// <summary>In the order their rows can be deleted: events refer to their streams.</summary>
    private static readonly string[] EventTables = ["mt_events", "mt_streams"];

    public async Task<DistrictMove> MoveAsync(string code, string to, CancellationToken cancellation)
    {
        var district = await registry.FindAsync(code, cancellation) ?? throw new ArgumentException($"There is no district '{code}'.", nameof(code));
        if (!(await databases.NamesAsync(cancellation)).Contains(to))
        {
            throw new ArgumentException($"'{to}' is not a database of the pool.", nameof(to));
        }

        var target = await databases.FindAsync(to);
        if (district.Database == to)
        {
            var left = 0L;
            foreach (var other in (await databases.AllAsync()).Where(d => DistrictTenancy.NameOf(d) != to))
            {
                left += await DeleteAsync(other, code, cancellation);
            }

            return new DistrictMove(code, to, to, 0, 0, 0, left);
        }

        var source = await databases.FindAsync(district.Database);
        var (streams, events, documents) = await CopyAsync(source, target, code, cancellation);
        await registry.RecordMoveAsync(code, district.Database, to, cancellation);
        var deleted = await DeleteAsync(source, code, cancellation);
        return new DistrictMove(code, district.Database, to, streams, events, documents, deleted);
    }

    private string Schema => store.Options.Events.DatabaseSchemaName;

    private async Task<(long Streams, long Events, long Documents)> CopyAsync(IMartenDatabase source, IMartenDatabase target, string code, CancellationToken cancellation)
    {
        var rebuilt = ProgressModule.Documents.Select(t => ((StoreOptions)store.Options).For(t, qualified: false)).ToHashSet(StringComparer.Ordinal);
        await using var from = source.CreateConnection();
        await from.OpenAsync(cancellation);
        await using var into = target.CreateConnection();
        await into.OpenAsync(cancellation);
        var documents = (await DocumentTablesAsync(from, cancellation)).Where(t => !rebuilt.Contains(t)).ToList();

        await using var transaction = await into.BeginTransactionAsync(cancellation);
        await DeleteAsync(into, await DocumentTablesAsync(into, cancellation), code, cancellation);

        var streamColumns = await ColumnsAsync(from, "mt_streams", cancellation);
        var streams = await CopyAsync(from, into, $"select {streamColumns} from {Schema}.mt_streams where tenant_id = {Literal(code)}", $"{Schema}.mt_streams ({streamColumns})", cancellation);

        // Events take the target's next sequence numbers, in the order they had.
        var eventColumns = await ColumnsAsync(from, "mt_events", cancellation, except: "seq_id");
        await ExecuteAsync(into, $"create temp table moving_events on commit drop as select seq_id, {eventColumns} from {Schema}.mt_events limit 0", cancellation);
        var events = await CopyAsync(from, into, $"select seq_id, {eventColumns} from {Schema}.mt_events where tenant_id = {Literal(code)} order by seq_id", $"moving_events (seq_id, {eventColumns})", cancellation);
        await ExecuteAsync(into, $"insert into {Schema}.mt_events (seq_id, {eventColumns}) select nextval('{Schema}.mt_events_sequence'), {eventColumns} from moving_events order by seq_id", cancellation);

        var documentRows = 0L;
        foreach (var table in documents)
        {
            var columns = await ColumnsAsync(from, table, cancellation);
            documentRows += await CopyAsync(from, into, $"select {columns} from {Schema}.{table} where tenant_id = {Literal(code)}", $"{Schema}.{table} ({columns})", cancellation);
        }

        await transaction.CommitAsync(cancellation);
        return (streams, events, documentRows);
    }

    private async Task<long> DeleteAsync(IMartenDatabase database, string code, CancellationToken cancellation)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        var deleted = await DeleteAsync(connection, await DocumentTablesAsync(connection, cancellation), code, cancellation);
        await transaction.CommitAsync(cancellation);
        return deleted;
    }

    /// <summary>Every row of the district: its events, then its streams, then its documents.</summary>
    private async Task<long> DeleteAsync(NpgsqlConnection connection, IReadOnlyList<string> documentTables, string code, CancellationToken cancellation)
    {
        var deleted = 0L;
        foreach (var table in EventTables.Concat(documentTables))
        {
            deleted += await ExecuteAsync(connection, $"delete from {Schema}.{table} where tenant_id = {Literal(code)}", cancellation);
        }

        return deleted;
    }

    /// <summary>The document tables of the schema that hold rows per district (the daemon's own dead letters stay where they are).</summary>
    private async Task<IReadOnlyList<string>> DocumentTablesAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.columns where table_schema = $1 and column_name = 'tenant_id' and table_name like 'mt\\_doc\\_%' and table_name <> 'mt_doc_deadletterevent' order by table_name",
            connection) { Parameters = { new() { Value = Schema } } };
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private async Task<string> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellation, string? except = null)
    {
        await using var command = new NpgsqlCommand(
            "select string_agg(quote_ident(column_name), ', ' order by ordinal_position) from information_schema.columns where table_schema = $1 and table_name = $2 and column_name <> $3",
            connection) { Parameters = { new() { Value = Schema }, new() { Value = table }, new() { Value = except ?? "" } } };
        return (string)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection from, NpgsqlConnection into, string select, string destination, CancellationToken cancellation)
    {
        await using (var reader = await from.BeginRawBinaryCopyAsync($"copy ({select}) to stdout (format binary)", cancellation))
        await using (var writer = await into.BeginRawBinaryCopyAsync($"copy {destination} from stdin (format binary)", cancellation))
        {
            await reader.CopyToAsync(writer, cancellation);
        }

        await using var count = new NpgsqlCommand($"select count(*) from ({select}) moved", from);
        return (long)(await count.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>District codes are letters, digits and hyphens (<see cref="DistrictCodes"/>); quoted all the same.</summary>
    private static string Literal(string code) => "'" + code.Replace("'", "''", StringComparison.Ordinal) + "'";
}
