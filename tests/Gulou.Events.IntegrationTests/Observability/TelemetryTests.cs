using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Gulou.Events.Api.Infrastructure.Observability;
using Gulou.Events.IntegrationTests.Infrastructure;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Gulou.Events.IntegrationTests.Observability;

public sealed class TelemetryTests(TelemetryHost telemetry) : IClassFixture<TelemetryHost>
{
    [Fact]
    public async Task A_request_is_a_server_span_with_its_route_and_endpoint_and_the_database_work_inside_its_trace()
    {
        var (partner, _) = await telemetry.PartnerAsync();
        var (traceId, headers) = NewTrace();

        (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("OBS-1"), headers)).ShouldBe(HttpStatusCode.Created);

        var server = Assert.Single(await telemetry.Spans.WaitForAsync(s => s.TraceId == traceId && s.Kind == ActivityKind.Server));
        Assert.Equal("/api/v1/activities", server.GetTagItem("http.route"));
        Assert.Equal(201, server.GetTagItem("http.response.status_code"));
        Assert.EndsWith("ReportActivityEndpoint", server.GetTagItem("handler.type") as string, StringComparison.Ordinal);
        var trace = telemetry.Spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
        Assert.Contains(trace, s => s.Source.Name == "Marten" && s.OperationName == "marten.connection");
        Assert.Contains(trace, s => s.Source.Name == "Npgsql");
    }

    [Fact]
    public async Task Polling_spans_outside_any_request_are_dropped_and_probes_are_not_traced()
    {
        var (probeTrace, probeHeaders) = NewTrace();
        (await new ApiClient(telemetry.Host, null).GetAsync("/health/ready", probeHeaders)).ShouldBe(HttpStatusCode.OK);
        var (planTrace, planHeaders) = NewTrace();
        var (partner, _) = await telemetry.PartnerAsync();
        (await partner.GetAsync("/api/v1/plan", planHeaders)).ShouldBe(HttpStatusCode.OK);

        Assert.NotEmpty(await telemetry.Spans.WaitForAsync(s => s.TraceId == planTrace && s.Kind == ActivityKind.Server));
        var spans = telemetry.Spans.Snapshot();
        Assert.DoesNotContain(spans, s => s.TraceId == probeTrace);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql");
        Assert.All(spans.Where(s => s.Source.Name == "Npgsql" || s.OperationName == "marten.connection"), s => Assert.NotEqual(default, s.ParentSpanId));
        Assert.DoesNotContain(spans, s => s.OperationName == "marten.daemon.highwatermark");
    }

    [Fact]
    public async Task Appended_events_are_counted_per_district_and_http_durations_are_measured()
    {
        var (partner, tenant) = await telemetry.PartnerAsync();

        (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("OBS-2"))).ShouldBe(HttpStatusCode.Created);

        var appended = await telemetry.Metrics.WaitForAsync(m => m.Name == "marten.event.append" && m.MetricPoints.Any(p => HasTag(p, tenant)), telemetry.Flush);
        Assert.NotEmpty(appended);
        Assert.Contains(telemetry.Metrics.Snapshot(), m => m.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task The_otlp_exporter_sends_traces_metrics_and_logs_to_the_configured_collector()
    {
        var (partner, tenant) = await telemetry.PartnerAsync();
        var correlation = "otlp-" + Guid.NewGuid().ToString("N");

        (await partner.PostAsync("/api/v1/activities", Reports.LabOpenDay("OBS-3"), new Dictionary<string, string> { ["X-Correlation-ID"] = correlation }))
            .ShouldBe(HttpStatusCode.Created);

        await Eventually(() => telemetry.Collector.Received("/v1/traces", "/api/v1/activities", TelemetrySettings.DefaultServiceName, "marten.connection"));
        await Eventually(() => telemetry.Collector.Received("/v1/metrics", "marten.event.append", tenant));
        await Eventually(() => telemetry.Collector.Received("/v1/logs", "POST /api/v1/activities answered 201", correlation));
    }

    [Fact]
    public void Marten_traces_its_connections()
    {
        var options = ((DocumentStore)telemetry.Host.Services.GetRequiredService<IDocumentStore>()).Options;

        Assert.Equal(TrackLevel.Normal, options.OpenTelemetry.TrackConnections);
    }

    [Fact]
    public void Json_console_logs_carry_the_request_scope()
    {
        Assert.Equal(ConsoleFormatterNames.Json, telemetry.Host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var formatter = telemetry.Host.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new RequestScope { CorrelationId = "corr-42" });
        var entry = new LogEntry<string>(LogLevel.Information, "Gulou", default, "GET /api/v1/plan answered 200", null, (s, _) => s);
        using var output = new StringWriter();

        formatter.Write(in entry, scopes, output);

        using var json = JsonDocument.Parse(output.ToString());
        var logged = Assert.Single(json.RootElement.GetProperty("Scopes").EnumerateArray());
        Assert.Equal("corr-42", logged.GetProperty("CorrelationId").GetString());
        Assert.Equal("GET /api/v1/plan answered 200", json.RootElement.GetProperty("Message").GetString());
    }

    private static (ActivityTraceId TraceId, Dictionary<string, string> Headers) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return (traceId, new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" });
    }

    private static bool HasTag(MetricPoint point, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    private async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            telemetry.Flush();
            await Task.Delay(100);
        }

        Assert.True(condition(), "the collector received no such export");
    }
}
