using System.Diagnostics;
using OpenTelemetry;

namespace Gulou.Events.Api.Infrastructure.Observability;

/// <summary>
/// Keeps Npgsql's command spans that belong to a request or a projection page and drops the ones that start a trace
/// of their own: the polling of the daemon, the leader election and the outbox would otherwise fill the traces.
/// </summary>
public sealed class DatabaseSpans : BaseProcessor<Activity>
{
    public const string Source = "Npgsql";

    public override void OnStart(Activity data)
    {
        if (data.Source.Name == Source && data.Parent is null && data.ParentSpanId == default)
        {
            data.IsAllDataRequested = false;
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
