using System.Text;

namespace Gulou.Events.Api.Infrastructure.Csv;

/// <summary>One record of a CSV file: the line it starts on (from 1) and its fields, unquoted.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>Text that is not CSV at <see cref="Line"/>: a quote left open, text after a closing quote, an absurd field.</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads RFC 4180 CSV a record at a time from a text stream, holding one record in memory: fields separated by
/// commas, quoted with <c>"</c> when they hold commas, quotes (doubled) or line breaks; lines ending in CRLF, LF or CR.
/// A leading byte-order mark is dropped, and blank records (empty lines, or lines of nothing but separators and
/// spaces) are skipped. Unquoted fields are taken as they stand, a stray quote included.
/// </summary>
public sealed class CsvReader(TextReader text, int maxFieldLength = 10_000, int maxFields = 200)
{
    private const int End = -1;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _started;

    /// <summary>The next record that is not blank, or null at the end of the text.</summary>
    /// <exception cref="CsvFormatException">The text is not CSV.</exception>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellation = default)
    {
        while (await ReadRecordAsync(cancellation) is { } record)
        {
            if (!record.IsBlank)
            {
                return record;
            }
        }

        return null;
    }

    private async ValueTask<CsvRecord?> ReadRecordAsync(CancellationToken cancellation)
    {
        var c = await NextAsync(cancellation);
        if (!_started)
        {
            _started = true;
            if (c == '\uFEFF')
            {
                c = await NextAsync(cancellation);
            }
        }

        if (c == End)
        {
            return null;
        }

        var line = _line;
        var fields = new List<string>();
        while (true)
        {
            c = c == '"' ? await ReadQuotedAsync(line, cancellation) : await ReadUnquotedAsync(c, line, cancellation);
            if (fields.Count == maxFields)
            {
                throw new CsvFormatException(line, $"Line {line} has more than {maxFields} fields.");
            }

            fields.Add(_field.ToString());
            _field.Clear();
            switch (c)
            {
                case ',':
                    c = await NextAsync(cancellation);
                    continue;
                case '\r':
                    if (await PeekAsync(cancellation) == '\n')
                    {
                        await NextAsync(cancellation);
                    }

                    _line++;
                    return new CsvRecord(line, fields);
                case '\n':
                    _line++;
                    return new CsvRecord(line, fields);
                default:
                    return new CsvRecord(line, fields);
            }
        }
    }

    /// <summary>Reads an unquoted field that starts with <paramref name="c"/>; returns the character that ended it.</summary>
    private async ValueTask<int> ReadUnquotedAsync(int c, int line, CancellationToken cancellation)
    {
        while (c is not (',' or '\r' or '\n' or End))
        {
            Append(c, line);
            c = await NextAsync(cancellation);
        }

        return c;
    }

    /// <summary>Reads a quoted field whose opening quote was just read; returns the character after the closing quote.</summary>
    private async ValueTask<int> ReadQuotedAsync(int line, CancellationToken cancellation)
    {
        while (true)
        {
            var c = await NextAsync(cancellation);
            if (c == End)
            {
                throw new CsvFormatException(line, $"The quoted field that starts on line {line} is never closed.");
            }

            if (c == '"')
            {
                var after = await NextAsync(cancellation);
                if (after != '"')
                {
                    return after is ',' or '\r' or '\n' or End
                        ? after
                        : throw new CsvFormatException(_line, $"Line {_line} has text after the closing quote of a field; a quote inside a quoted field is written twice (\"\").");
                }
            }
            else if (c == '\n' || (c == '\r' && await PeekAsync(cancellation) != '\n'))
            {
                _line++;
            }

            Append(c, line);
        }
    }

    private void Append(int c, int line)
    {
        if (_field.Length == maxFieldLength)
        {
            throw new CsvFormatException(line, $"A field on line {line} is longer than {maxFieldLength} characters; is a quote left open?");
        }

        _field.Append((char)c);
    }

    private async ValueTask<int> NextAsync(CancellationToken cancellation)
    {
        if (_position == _length && !await FillAsync(cancellation))
        {
            return End;
        }

        return _buffer[_position++];
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellation)
    {
        if (_position == _length && !await FillAsync(cancellation))
        {
            return End;
        }

        return _buffer[_position];
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellation)
    {
        _length = await text.ReadAsync(_buffer, cancellation);
        _position = 0;
        return _length > 0;
    }
}
