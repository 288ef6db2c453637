using System.Net;
using System.Text.Json;

namespace Gulou.Events.Client;

/// <summary>
/// The service refused a request: its RFC 9457 problem answer, typed. <see cref="Code"/> is the machine-readable code
/// (<c>validation_failed</c>, <c>external_ref_conflict</c> …) and <see cref="Errors"/> the messages of each bad field.
/// </summary>
public sealed class GulouApiException : Exception
{
    private readonly JsonElement? _problem;
    private readonly JsonSerializerOptions _json;

    public GulouApiException(HttpStatusCode status, string? code, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors,
        string? traceId, JsonElement? problem, JsonSerializerOptions json)
        : base($"{(int)status} {code ?? title ?? status.ToString()}: {detail ?? title}")
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        Errors = errors;
        TraceId = traceId;
        _problem = problem;
        _json = json;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The problem's <c>code</c>; null when the answer was no problem document (a proxy's error page).</summary>
    public string? Code { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>Messages by field name, as the service keys them (<c>title</c>, <c>attendance.youth</c>, <c>items[3].kind</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public string? TraceId { get; }

    /// <summary>Another member of the problem document, such as the <c>items</c> of a refused atomic batch; default when absent.</summary>
    public T? Extension<T>(string name) =>
        _problem is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty(name, out var value) ? value.Deserialize<T>(_json) : default;
}
