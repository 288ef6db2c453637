using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gulou.Events.Contracts;

/// <summary>The JSON dialect of the API, for the service and its clients alike: camelCase members, snake_case enum values.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    public static JsonSerializerOptions Create() => Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
