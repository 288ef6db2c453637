using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gulou.Events.Bench;

/// <summary>The service's public API, as the benchmark uses it.</summary>
internal sealed class Api(string baseUrl) : IDisposable
{
    public static readonly JsonSerializerOptions Json = Create();

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };

    public async Task<JsonElement> SendAsync(HttpMethod method, string url, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts a body serialized beforehand and answers the raw answer.</summary>
    public async Task<byte[]> PostBytesAsync(string url, string key, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Api-Key", key);
        request.Content.Headers.ContentType = new("application/json");
        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode
            ? bytes
            : throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 500)))}");
    }

    public void Dispose() => _http.Dispose();

    public Task<JsonElement> GetAsync(string url, string key) => SendAsync(HttpMethod.Get, url, key);

    public Task<JsonElement> PostAsync(string url, string key, object? body = null) => SendAsync(HttpMethod.Post, url, key, body);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
