using System.Diagnostics;
using Alba;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gulou.Events.IntegrationTests.Observability;

/// <summary>
/// The service with telemetry on: exporting over OTLP/HTTP to a <see cref="FakeCollector"/>, with in-memory exporters
/// beside it, and JSON console logs. ActivitySources and Meters are process-wide, so the spans and metrics of other
/// test hosts arrive here too: tests pick theirs by trace id or tenant.
/// </summary>
public sealed class TelemetryHost : IAsyncLifetime
{
    private IAsyncDisposable? _container;

    public FakeCollector Collector { get; } = FakeCollector.Start();

    public ExportCollection<Activity> Spans { get; } = new();

    public ExportCollection<MetricSnapshot> Metrics { get; } = new();

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string connectionString;
        (connectionString, _container) = await TestDatabase.AcquireAsync();
        Host = await AppFixture.StartHostAsync(connectionString, "gulou_telemetry_tests", new Dictionary<string, string>
        {
            ["Gulou:Telemetry:Otlp"] = Collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["Gulou:Logging:Format"] = "json",
        }, configure: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        });
    }

    /// <summary>A partner of a fresh district, and the district's id.</summary>
    public async Task<(ApiClient Partner, string Tenant)> PartnerAsync()
    {
        var (tenant, adminKey) = ("t" + Guid.NewGuid().ToString("N")[..12], ApiKeys.Generate());
        await TenantBootstrap.EnsureAsync(Host.Services.GetRequiredService<IDocumentStore>(), Host.Services.GetRequiredService<CurrentPlan>(), tenant, adminKey,
            NullLogger.Instance, CancellationToken.None);
        var admin = new ApiClient(Host, adminKey);
        var partner = (await admin.PostAsync("/api/v1/institutions", new RegisterInstitution("福州大学", InstitutionKind.University, Role.Partner))).As<InstitutionDto>();
        var key = (await admin.PostAsync($"/api/v1/institutions/{partner.Id}/keys")).As<IssuedKey>();
        return (new ApiClient(Host, key.Key), tenant);
    }

    public void Flush()
    {
        Host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Host.Services.GetService<LoggerProvider>()?.ForceFlush();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Collector.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
