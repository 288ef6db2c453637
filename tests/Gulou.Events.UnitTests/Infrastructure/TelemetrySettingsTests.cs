using Gulou.Events.Api.Infrastructure.Observability;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Gulou.Events.UnitTests.Infrastructure;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Nothing_is_exported_unless_a_collector_or_the_console_is_named()
    {
        var settings = From();

        Assert.False(settings.Enabled);
        Assert.Equal("gulou-events", settings.ServiceName);
        Assert.False(settings.JsonLogs);
    }

    [Fact]
    public void The_services_own_key_names_the_collector_and_the_standard_variable_gives_the_protocol()
    {
        var settings = From(("Gulou:Telemetry:Otlp", "http://collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        Assert.True(settings.Enabled);
        Assert.Equal(new Uri("http://collector:4318"), settings.Otlp);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, settings.OtlpProtocol);
        Assert.False(settings.OtlpFromStandardVariables);
    }

    [Fact]
    public void The_standard_endpoint_variable_alone_turns_the_exporter_on_with_grpc_by_default()
    {
        var settings = From(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_SERVICE_NAME", "gulou-east"));

        Assert.True(settings.Enabled);
        Assert.True(settings.OtlpFromStandardVariables);
        Assert.Null(settings.Otlp);
        Assert.Equal(OtlpExportProtocol.Grpc, settings.OtlpProtocol);
        Assert.Equal("gulou-east", settings.ServiceName);
    }

    [Fact]
    public void The_console_exporter_and_json_logs_are_switched_separately()
    {
        var settings = From(("Gulou:Telemetry:Console", "true"), ("Gulou:Logging:Format", "JSON"));

        Assert.True(settings.Enabled);
        Assert.True(settings.Console);
        Assert.True(settings.JsonLogs);
        Assert.False(From(("Gulou:Logging:Format", "json")).Enabled);
    }

    private static TelemetrySettings From(params (string Key, string Value)[] values) =>
        TelemetrySettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
