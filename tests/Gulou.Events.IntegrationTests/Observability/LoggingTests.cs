using System.Net;
using Gulou.Events.Api.Infrastructure.Observability;
using Gulou.Events.IntegrationTests.Infrastructure;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gulou.Events.IntegrationTests.Observability;

public sealed class LoggingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string RequestLogCategory = typeof(RequestLog).FullName!;

    [Fact]
    public async Task Each_request_logs_one_line_with_its_route_status_and_correlation_id()
    {
        var district = await app.NewDistrictAsync();
        var correlation = "log-" + Guid.NewGuid().ToString("N");

        (await district.Admin.GetAsync("/api/v1/plan", new Dictionary<string, string> { ["X-Correlation-ID"] = correlation })).ShouldBe(HttpStatusCode.OK);

        var line = Assert.Single(await RequestLinesAsync(correlation));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("GET /api/v1/plan answered 200", line.Message[..line.Message.IndexOf(" in ", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task A_request_refused_before_routing_is_logged_with_its_final_status_under_the_trace_id()
    {
        var answer = await app.Anonymous.GetAsync("/api/v1/plan", new Dictionary<string, string> { ["X-Correlation-ID"] = "not a valid id!" });

        // The problem's traceId is the W3C id of the request: version-traceid-spanid-flags.
        var traceId = answer.ShouldBe(HttpStatusCode.BadRequest).Json().GetProperty("traceId").GetString()!.Split('-')[1];
        var line = Assert.Single(await RequestLinesAsync(traceId));
        Assert.Contains("answered 400", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Records, r => r.Message.Contains("not a valid id!", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_exporter_no_telemetry_is_registered()
    {
        Assert.Null(app.Host.Services.GetService<TracerProvider>());
        Assert.Null(app.Host.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(app.Host.Services.GetServices<ILoggerProvider>(), p => p.GetType().FullName!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.False(app.Host.Services.GetRequiredService<TelemetrySettings>().Enabled);
        Assert.Equal(TrackLevel.None, ((DocumentStore)app.Store).Options.OpenTelemetry.TrackConnections);
    }

    /// <summary>The request's line is written as the pipeline unwinds, which may be just after the answer.</summary>
    private async Task<List<CapturedLogs.LogRecord>> RequestLinesAsync(string correlationId)
    {
        List<CapturedLogs.LogRecord> lines = [];
        for (var i = 0; i < 50 && lines.Count == 0; i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            lines = app.Logs.Records.Where(r => r.Category == RequestLogCategory && Equals(r.ScopeValue("CorrelationId"), correlationId)).ToList();
        }

        return lines;
    }
}
