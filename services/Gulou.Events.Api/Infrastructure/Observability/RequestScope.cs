using System.Collections;

namespace Gulou.Events.Api.Infrastructure.Observability;

/// <summary>
/// The logging scope of one request. It is opened before the correlation id is known (so that the error handler's
/// logs carry it too) and starts with the trace id; <see cref="Persistence.CorrelationId"/> sets the final value.
/// </summary>
public sealed class RequestScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string ItemKey = "gulou:request-scope";

    public string CorrelationId { get; set; } = "";

    public static RequestScope Begin(HttpContext http)
    {
        var scope = new RequestScope { CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier };
        http.Items[ItemKey] = scope;
        return scope;
    }

    public static void SetCorrelationId(HttpContext http, string id)
    {
        if (http.Items[ItemKey] is RequestScope scope)
        {
            scope.CorrelationId = id;
        }
    }

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] => index == 0
        ? new KeyValuePair<string, object?>(nameof(CorrelationId), CorrelationId)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{nameof(CorrelationId)}:{CorrelationId}";
}
