using System.Globalization;
using System.Text;

namespace Gulou.Events.Client;

/// <summary>A query string built from optional values: those left null are left out.</summary>
public sealed class Query
{
    private readonly StringBuilder _text = new();

    public Query Add(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // An enum value as its code, as bodies write it (certified_community); the service reads codes in a query.
            Enum e => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (text is not null)
        {
            _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
