using System.Runtime.CompilerServices;
using System.Text;
using Gulou.Events.Api.Activities.Batching;
using Gulou.Events.Api.Infrastructure.Csv;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Activities.Importing;

/// <summary>
/// An uploaded import file. It is spooled to a temporary file as it arrives and checked whole before any row is
/// decided (CSV, UTF-8, a known header, within the row limit), so a file that breaks a limit changes nothing. Its rows
/// are then read back a chunk at a time: memory holds one chunk, never the file.
/// </summary>
public sealed class ImportFile : IAsyncDisposable
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly FileStream _spool;
    private readonly ImportHeader _header;

    private ImportFile(FileStream spool, ImportHeader header, int rows)
    {
        _spool = spool;
        _header = header;
        Rows = rows;
    }

    public int Rows { get; }

    /// <exception cref="ProblemException">400 for a file that is not UTF-8 CSV with a known header and rows, 413 over the row limit.</exception>
    public static async Task<ImportFile> ReceiveAsync(Stream body, CancellationToken cancellation)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gulou-import-{Guid.NewGuid():N}.csv");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await body.CopyToAsync(spool, cancellation);
            var (header, rows) = await ScanAsync(spool, cancellation);
            return new ImportFile(spool, header, rows);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows in order, <paramref name="size"/> at a time, each with the line it starts on.</summary>
    public async IAsyncEnumerable<List<(int Line, BatchEntry Entry)>> ChunksAsync(int size, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var reader = Open(_spool);
        await reader.ReadAsync(cancellation);
        var chunk = new List<(int, BatchEntry)>(size);
        while (await reader.ReadAsync(cancellation) is { } row)
        {
            chunk.Add((row.Line, ImportRows.Read(row, _header)));
            if (chunk.Count == size)
            {
                yield return chunk;
                chunk = new List<(int, BatchEntry)>(size);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public ValueTask DisposeAsync() => _spool.DisposeAsync();

    private static async Task<(ImportHeader Header, int Rows)> ScanAsync(FileStream spool, CancellationToken cancellation)
    {
        var reader = Open(spool);
        try
        {
            var first = await reader.ReadAsync(cancellation)
                ?? throw Malformed("The file is empty. Its first line names the columns; see GET /api/v1/activities/import/template.");
            var header = ImportHeader.Read(EnsureUtf8(first));
            var rows = 0;
            while (await reader.ReadAsync(cancellation) is { } row)
            {
                EnsureUtf8(row);
                if (++rows > MaxRows)
                {
                    throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload too large",
                        $"The file has more than {MaxRows} rows; send it as several files. Nothing was stored.");
                }
            }

            return rows > 0 ? (header, rows) : throw Malformed("The file has a header but no rows.");
        }
        catch (CsvFormatException e)
        {
            throw Malformed(e.Message);
        }
    }

    /// <summary>Bytes that are not UTF-8 decode as U+FFFD: a file saved in another encoding is refused at its first such line.</summary>
    private static CsvRecord EnsureUtf8(CsvRecord record) => record.Fields.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal))
        ? throw Malformed($"Line {record.Line} is not UTF-8 text. Save the file as \"CSV UTF-8\" and send it again.")
        : record;

    private static ProblemException Malformed(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.MalformedCsv, "Malformed CSV", $"{message} Nothing was stored.",
            new Dictionary<string, string[]> { ["body"] = [message] });

    private static CsvReader Open(FileStream spool)
    {
        spool.Position = 0;
        return new CsvReader(new StreamReader(spool, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true));
    }
}
