using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gulou.Events.Contracts;

namespace Gulou.Events.Client;

/// <summary>
/// The one way the client speaks to the service: a route with its path values, a query and a body; the key on every
/// request; JSON in the API's dialect; every refusal thrown as a <see cref="GulouApiException"/>. Resource clients
/// are one line a route on top of it, and so is a route this client does not know yet.
/// </summary>
public sealed class ApiConnection
{
    public const string KeyHeader = "X-Api-Key";
    private const string JsonType = "application/json";

    private readonly HttpClient _http;
    private readonly string _key;

    /// <param name="http">An HttpClient whose <c>BaseAddress</c> is the service (ending in <c>/</c> when it has a path).</param>
    /// <param name="apiKey">The key every request is sent with.</param>
    public ApiConnection(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = http;
        _key = apiKey;
    }

    public JsonSerializerOptions Json { get; } = ApiJson.Create();

    /// <summary>Sends <paramref name="body"/> (when any) as JSON and reads the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(ApiRoute route, object[] path, Query? query = null, object? body = null, CancellationToken cancellation = default)
    {
        using var response = await SendAsync(route, path, query, JsonOf(body), JsonType, cancellation).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellation).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{route} answered without a body.");
    }

    /// <summary>Sends a request whose answer has no body.</summary>
    public async Task SendAsync(ApiRoute route, object[] path, Query? query = null, object? body = null, CancellationToken cancellation = default)
    {
        using var response = await SendAsync(route, path, query, JsonOf(body), JsonType, cancellation).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="content"/> as it is (a CSV file) and reads the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendContentAsync<T>(ApiRoute route, object[] path, Query? query, HttpContent content, CancellationToken cancellation = default)
    {
        using var response = await SendAsync(route, path, query, content, JsonType, cancellation).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellation).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{route} answered without a body.");
    }

    /// <summary>Reads the answer in another media type (<c>text/csv</c>) as bytes, exactly as sent.</summary>
    public async Task<byte[]> GetBytesAsync(ApiRoute route, object[] path, Query? query, string mediaType, CancellationToken cancellation = default)
    {
        using var response = await SendAsync(route, path, query, null, mediaType, cancellation).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Sends a request and returns the successful answer, unread; anything else is thrown as a problem.</summary>
    public async Task<HttpResponseMessage> SendAsync(ApiRoute route, object[] path, Query? query, HttpContent? content, string accept, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(route);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(route.Path(path).TrimStart('/') + query, UriKind.Relative))
        {
            Content = content,
        };
        request.Headers.Add(KeyHeader, _key);
        request.Headers.Accept.ParseAdd(accept);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemOf(response, cancellation).ConfigureAwait(false);
        }
    }

    private ByteArrayContent? JsonOf(object? body)
    {
        if (body is null)
        {
            return null;
        }

        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json));
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonType) { CharSet = "utf-8" };
        return content;
    }

    private async Task<GulouApiException> ProblemOf(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        JsonElement? problem = null;
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                problem = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not the document it claims to be: the text itself is all there is to report.
            }
        }

        string? Member(string name) =>
            problem is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var errors = problem is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
            ? e.Deserialize<Dictionary<string, string[]>>(Json) ?? []
            : [];
        var detail = Member("detail") ?? (problem is null && text.Length > 0 ? text[..Math.Min(text.Length, 500)] : null);
        return new GulouApiException(response.StatusCode, Member("code"), Member("title") ?? response.ReasonPhrase, detail, errors, Member("traceId"), problem, Json);
    }
}
