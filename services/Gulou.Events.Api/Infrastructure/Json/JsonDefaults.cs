using System.Text.Json;
using System.Text.Json.Serialization;
using Gulou.Events.Contracts;

namespace Gulou.Events.Api.Infrastructure.Json;

/// <summary>The one JSON dialect of the API: camelCase members, snake_case enum values, strict reading.</summary>
public static class JsonDefaults
{
    public static void Configure(JsonSerializerOptions options)
    {
        ApiJson.Configure(options);
        options.PropertyNameCaseInsensitive = false;
        // A misspelt field must not be silently dropped from an official record. (Requests only: stored events
        // and documents are read leniently, so that old events stay readable when a type gains or loses a member.)
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    public static IServiceCollection AddGulouJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Configure(o.JsonSerializerOptions));
        return services;
    }
}
