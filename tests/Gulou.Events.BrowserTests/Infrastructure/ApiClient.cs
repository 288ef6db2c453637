using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Json;

namespace Gulou.Events.BrowserTests.Infrastructure;

/// <summary>The public API over real HTTP, as the holder of one key: how the tests seed data and read the figures the page must show.</summary>
public sealed class ApiClient(Uri address, string key) : IDisposable
{
    public static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    private readonly HttpClient _http = new() { BaseAddress = address, DefaultRequestHeaders = { { "X-Api-Key", key } } };

    public string Key { get; } = key;

    public async Task<T> GetAsync<T>(string url)
    {
        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync<T>(response, HttpStatusCode.OK);
    }

    public async Task<T> PostAsync<T>(string url, object? body, HttpStatusCode expected)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(url, UriKind.Relative), body, Json);
        return await ReadAsync<T>(response, expected);
    }

    /// <summary>Sends a body as it is (a plan catalog's JSON, whose bytes are its hash).</summary>
    public async Task<T> PutAsync<T>(string url, string json, HttpStatusCode expected)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync(new Uri(url, UriKind.Relative), content);
        return await ReadAsync<T>(response, expected);
    }

    public async Task DeleteAsync(string url)
    {
        using var response = await _http.DeleteAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"DELETE {url}: {response.StatusCode}");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidOperationException("Empty body.");
    }

    public void Dispose() => _http.Dispose();
}
