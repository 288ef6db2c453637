using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gulou.Events.Api.Infrastructure.Json;

/// <summary>JSON with object members in a fixed order, so two documents that hold the same data compare equal as text.</summary>
public static partial class CanonicalJson
{
    public static string Of(string json) => Normalize(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) && Instant().IsMatch(text) => JsonValue.Create(Microseconds(text)),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(WithoutTrailingZeros(number)),
        _ => node?.DeepClone(),
    };

    /// <summary>
    /// PostgreSQL keeps instants to the microsecond; a document written from an event in memory may carry the
    /// tenth of a microsecond that the stored event lost. Both are the same instant.
    /// </summary>
    private static string Microseconds(string text)
    {
        var instant = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        var truncated = instant.AddTicks(-(instant.Ticks % 10));
        return truncated.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A decimal keeps its scale: 0 and 0.0 (a sum in memory, and the same sum read back from jsonb) are one figure.
    /// </summary>
    private static decimal WithoutTrailingZeros(decimal number) => number / 1.0000000000000000000000000000m;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Instant();
}
