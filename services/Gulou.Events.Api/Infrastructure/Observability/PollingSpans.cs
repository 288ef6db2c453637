using System.Diagnostics;
using OpenTelemetry;

namespace Gulou.Events.Api.Infrastructure.Observability;

/// <summary>
/// Drops the spans that start a trace only to poll: the projection daemon's high-water-mark checks, and Npgsql
/// commands and Marten connections outside any request or projection page (leader election, the outbox). A dropped
/// span's children are not recorded either. Requests and projection pages keep all their database spans.
/// </summary>
public sealed class PollingSpans : BaseProcessor<Activity>
{
    public const string Npgsql = "Npgsql";

    public override void OnStart(Activity data)
    {
        var root = data.Parent is null && data.ParentSpanId == default;
        if (root && (data.Source.Name == Npgsql || data.OperationName is "marten.connection" or "marten.daemon.highwatermark"))
        {
            data.IsAllDataRequested = false;
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
