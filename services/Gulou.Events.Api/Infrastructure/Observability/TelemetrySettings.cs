using OpenTelemetry.Exporter;

namespace Gulou.Events.Api.Infrastructure.Observability;

/// <summary>
/// Where traces, metrics and logs go. Nothing is collected unless an exporter is configured:
/// <c>Gulou:Telemetry:Otlp</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) and/or <c>Gulou:Telemetry:Console</c>.
/// </summary>
public sealed record TelemetrySettings
{
    public const string DefaultServiceName = "gulou-events";

    /// <summary>The collector's base address; the protocol is <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c> or <c>http/protobuf</c>).</summary>
    public Uri? Otlp { get; init; }

    /// <summary>Only the standard <c>OTEL_EXPORTER_OTLP_*</c> variables configure the exporter.</summary>
    public bool OtlpFromStandardVariables { get; init; }

    public OtlpExportProtocol OtlpProtocol { get; init; } = OtlpExportProtocol.Grpc;

    public bool Console { get; init; }

    public string ServiceName { get; init; } = DefaultServiceName;

    /// <summary><c>json</c>: one JSON object per log entry, scopes (correlation and trace ids) included; otherwise plain text.</summary>
    public bool JsonLogs { get; init; }

    public bool Enabled => Otlp is not null || OtlpFromStandardVariables || Console;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var otlp = configuration["Gulou:Telemetry:Otlp"];
        return new TelemetrySettings
        {
            Otlp = string.IsNullOrWhiteSpace(otlp) ? null : new Uri(otlp, UriKind.Absolute),
            OtlpProtocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
            OtlpFromStandardVariables = string.IsNullOrWhiteSpace(otlp) && !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            Console = configuration.GetValue("Gulou:Telemetry:Console", false),
            ServiceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName,
            JsonLogs = string.Equals(configuration["Gulou:Logging:Format"], "json", StringComparison.OrdinalIgnoreCase),
        };
    }
}
