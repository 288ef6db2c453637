using System.Net;
using System.Text;
using System.Text.Json;
using Alba;
using Gulou.Events.Api.Infrastructure.Json;
using Microsoft.AspNetCore.Http;

namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>Requests through the real HTTP pipeline, as a holder of one key (or of none).</summary>
public sealed class ApiClient(IAlbaHost host, string? key)
{
    public static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public string? Key { get; } = key;

    public Task<ApiResponse> GetAsync(string url, IDictionary<string, string>? headers = null) => SendAsync(HttpMethod.Get, url, null, headers);

    public Task<ApiResponse> PostAsync(string url, object? body = null, IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, url, body is null ? null : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, Json)), headers);

    /// <summary>Posts bytes exactly as given, for malformed and oversized bodies.</summary>
    public Task<ApiResponse> PostRawAsync(string url, string body, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, url, Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["Content-Type"] = contentType });

    public Task<ApiResponse> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null, null);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string url, byte[]? body, IDictionary<string, string>? headers)
    {
        var result = await host.Scenario(s =>
        {
            var expression = method.Method switch
            {
                "GET" => s.Get,
                "POST" => s.Post,
                "PUT" => s.Put,
                "DELETE" => s.Delete,
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
            };

            if (body is not null)
            {
                // ToUrl takes a path only: the query string goes on separately, or it would be escaped into the path.
                var query = url.IndexOf('?', StringComparison.Ordinal);
                expression.ByteArray(body).ToUrl(query < 0 ? url : url[..query]);
                if (query >= 0)
                {
                    s.ConfigureHttpContext(c => c.Request.QueryString = new QueryString(url[query..]));
                }

                s.WithRequestHeader("Content-Type", "application/json");
            }
            else
            {
                expression.Url(url);
            }

            if (Key is not null)
            {
                s.WithRequestHeader("X-Api-Key", Key);
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                s.WithRequestHeader(name, value);
            }

            s.IgnoreStatusCode();
        });

        // The body exactly as sent (a byte-order mark included), not as a text reader would present it.
        var stream = result.Context.Response.Body;
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }

        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return new ApiResponse((HttpStatusCode)result.Context.Response.StatusCode, Encoding.UTF8.GetString(bytes.ToArray()), result.Context.Response.Headers);
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string Body, IHeaderDictionary Headers)
{
    public ApiResponse ShouldBe(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected} {expected} but got {(int)Status} {Status}: {Body}");
        return this;
    }

    public T As<T>() => JsonSerializer.Deserialize<T>(Body, ApiClient.Json) ?? throw new InvalidOperationException("Empty body.");

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;

    /// <summary>Asserts a problem-details answer and returns its code and field errors.</summary>
    public Problem Problem(HttpStatusCode expected)
    {
        ShouldBe(expected);
        Assert.StartsWith("application/problem+json", Headers.ContentType.ToString(), StringComparison.Ordinal);
        var json = Json();
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        var errors = json.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
            : [];
        return new Problem(json.GetProperty("code").GetString()!, json.TryGetProperty("detail", out var d) ? d.GetString() : null, errors);
    }
}

public static class Same
{
    /// <summary>Two answers are the same when they serialise to the same JSON (records holding lists compare by reference).</summary>
    public static void Json<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, ApiClient.Json), JsonSerializer.Serialize(actual, ApiClient.Json));
}

public sealed record Problem(string Code, string? Detail, IReadOnlyDictionary<string, string[]> Errors);
