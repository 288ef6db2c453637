using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gulou.Events.IntegrationTests.Security;

/// <summary>
/// Makes hostile requests from the service's own OpenAPI document: for every operation, path, query and body
/// values that are sometimes valid, sometimes at a boundary, sometimes of the wrong type, malformed or huge.
/// </summary>
internal sealed class RequestFuzzer(JsonElement document, Random random)
{
    private static readonly string[] NastyStrings =
    [
        "", " ", "null", "0", "-1", "1e309", "NaN", "true", "[]", "{}", "\"", "'", "\\", "%00", "\u0000", "\u202e", "../../etc/passwd",
        "<script>alert(1)</script>", "' or 1=1 --", "中文字段", "🧪", "\uD800", new string('x', 5_000), "2023-02-30", "9999-12-31", "0001-01-01",
        "00000000-0000-0000-0000-000000000000", "T-NOPE", "ACT-99", "lab_open_day",
    ];

    /// <summary>Ids that name nothing: the empty GUID in its spellings, and text of every other form.</summary>
    public static readonly string[] BadIds =
    [
        "00000000-0000-0000-0000-000000000000", "00000000000000000000000000000000", "{00000000-0000-0000-0000-000000000000}",
        "(00000000-0000-0000-0000-000000000000)", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
        "0", "-1", "1e309", "not-a-guid", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "' or 1=1 --", "..", "%2e%2e%2f", "中文", "🧪",
        new string('9', 300), new string('f', 5_000),
    ];

    public sealed record FuzzRequest(string Method, string Url, string? Body);

    /// <summary>Every route with a value in its path, once for each bad id in each place, with a body of the right shape.</summary>
    public IEnumerable<(string Route, FuzzRequest Request)> BadIdRequests(IReadOnlyDictionary<string, string> knownValues, Func<string, bool> include)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal) && p.Name.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var route = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!include(route) || !operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    continue;
                }

                var names = parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
                string? body = null;
                if (operation.Value.TryGetProperty("requestBody", out var requestBody))
                {
                    var schema = requestBody.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
                    body = schema.TryGetProperty("$ref", out var r) && Resolve(r.GetString()!).TryGetProperty("example", out var example) ? example.GetRawText() : "{}";
                }

                foreach (var name in names)
                {
                    foreach (var bad in BadIds)
                    {
                        var url = names.Aggregate(path.Name, (u, n) => u.Replace("{" + n + "}", n == name ? Uri.EscapeDataString(bad) : Uri.EscapeDataString(knownValues.GetValueOrDefault(n, "x")), StringComparison.Ordinal));
                        yield return (route, new FuzzRequest(operation.Name.ToUpperInvariant(), url, body));
                    }
                }
            }
        }
    }

    /// <summary>For each route, each refusal status it documents and the codes it names for it.</summary>
    public Dictionary<string, Dictionary<int, HashSet<string>>> DocumentedRefusals() =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name.ToUpperInvariant()} {p.Name}", o.Value)))
            .ToDictionary(o => o.Route, o => o.Value.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name[0] is '4' or '5' && r.Value.TryGetProperty("content", out _))
                .ToDictionary(
                    r => int.Parse(r.Name, CultureInfo.InvariantCulture),
                    r => r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("examples").EnumerateObject().Select(e => e.Name).ToHashSet()));

    public IEnumerable<(string Route, FuzzRequest Request)> Requests(int perOperation, IReadOnlyDictionary<string, string> knownValues, Func<string, bool> include)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var route = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!include(route))
                {
                    continue;
                }

                for (var i = 0; i < perOperation; i++)
                {
                    yield return (route, Make(operation.Name.ToUpperInvariant(), path.Name, operation.Value, knownValues));
                }
            }
        }
    }

    // Values that mean something in the fuzzed district (an activity id, a unit code …), by parameter or member name.
    private IReadOnlyDictionary<string, string> _known = new Dictionary<string, string>();

    private FuzzRequest Make(string method, string template, JsonElement operation, IReadOnlyDictionary<string, string> known)
    {
        _known = known;
        var url = new StringBuilder(template);
        var query = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var name = parameter.GetProperty("name").GetString()!;
                var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
                if (parameter.GetProperty("in").GetString() == "path")
                {
                    var value = random.Next(3) == 0 && known.TryGetValue(name, out var k) ? k : Scalar(schema, 0)?.ToString() ?? "x";
                    url.Replace("{" + name + "}", Uri.EscapeDataString(value));
                }
                else if (random.Next(2) == 0)
                {
                    var value = random.Next(3) == 0 && known.TryGetValue(name, out var k) ? k : Scalar(schema, 0)?.ToString() ?? "";
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }
        }

        if (query.Count > 0)
        {
            url.Append('?').Append(string.Join('&', query));
        }

        string? body = null;
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            var schema = requestBody.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema");
            body = random.Next(10) switch
            {
                0 => NastyStrings[random.Next(NastyStrings.Length)],
                1 => "{\"a\":" + new string('[', 3000) + new string(']', 3000) + "}",
                2 => Convert.ToBase64String(Enumerable.Range(0, 64).Select(_ => (byte)random.Next(256)).ToArray()),
                _ => Value(schema, 0)?.ToJsonString() ?? "null",
            };
        }

        return new FuzzRequest(method, url.ToString(), body);
    }

    private JsonNode? Value(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 6)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Value(Resolve(reference.GetString()!), depth + 1);
        }

        if (random.Next(12) == 0)
        {
            return Wrong();
        }

        var type = schema.TryGetProperty("type", out var t) ? t.ToString() : "object";
        if (type.Contains("object", StringComparison.Ordinal) || schema.TryGetProperty("properties", out _))
        {
            var obj = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (random.Next(8) != 0)
                    {
                        obj[property.Name] = random.Next(3) == 0 && _known.TryGetValue(property.Name, out var known) ? JsonValue.Create(known) : Value(property.Value, depth + 1);
                    }
                }
            }

            if (random.Next(10) == 0)
            {
                obj["unexpected" + random.Next(100)] = 1;
            }

            return obj;
        }

        if (type.Contains("array", StringComparison.Ordinal))
        {
            var items = schema.TryGetProperty("items", out var i) ? i : default;
            return new JsonArray(Enumerable.Range(0, random.Next(4) == 0 ? random.Next(50) : random.Next(3)).Select(_ => Value(items, depth + 1)).ToArray());
        }

        return Scalar(schema, depth);
    }

    private JsonNode? Scalar(JsonElement schema, int depth)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            return Scalar(Resolve(reference.GetString()!), depth + 1);
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && random.Next(3) != 0)
        {
            var options = values.EnumerateArray().ToList();
            return JsonNode.Parse(options[random.Next(options.Count)].GetRawText());
        }

        var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "string";
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (random.Next(6) == 0)
        {
            return Wrong();
        }

        return (type, format) switch
        {
            (var x, _) when x.Contains("integer", StringComparison.Ordinal) => JsonValue.Create(new long[] { 0, 1, -1, 7, 2023, 2025, int.MaxValue, long.MinValue, 1_000_000_000_000 }[random.Next(9)]),
            (var x, _) when x.Contains("number", StringComparison.Ordinal) => JsonValue.Create(new[] { 0m, -0.5m, 1.234567m, 79228162514264337593543950335m, 12.5m }[random.Next(5)]),
            (var x, _) when x.Contains("boolean", StringComparison.Ordinal) => JsonValue.Create(random.Next(2) == 0),
            (_, "uuid") => JsonValue.Create(random.Next(4) switch { 0 => "not-a-guid", 1 => Guid.Empty.ToString(), _ => Guid.NewGuid().ToString() }),
            (_, "date") => JsonValue.Create(new[] { "2023-05-20", "2021-01-01", "2025-12-31", "2020-12-31", "2099-01-01", "2023-13-45", "yesterday" }[random.Next(7)]),
            (_, "date-time") => JsonValue.Create(new[] { DateTimeOffset.UtcNow.AddDays(-10).ToString("O", CultureInfo.InvariantCulture), "2026-01-31T23:59:59+08:00", "soon", "9999-12-31T00:00:00Z" }[random.Next(4)]),
            _ => JsonValue.Create(NastyStrings[random.Next(NastyStrings.Length)]),
        };
    }

    private JsonNode? Wrong() => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(NastyStrings[random.Next(NastyStrings.Length)]),
        3 => new JsonArray(1, "two", null),
        4 => new JsonObject { ["x"] = 1 },
        _ => JsonValue.Create(-1e300),
    };

    private JsonElement Resolve(string reference) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
}
