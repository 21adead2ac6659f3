namespace Salon.WebApi.Common;

/// <summary>Settings under <c>Telemetry</c>.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Where to send traces and metrics over OTLP (e.g. http://collector:4317). Empty: nothing is
    /// exported, unless the standard OTEL_EXPORTER_OTLP_ENDPOINT variable is set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (default) or "http/protobuf".</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>service.name on every span and metric.</summary>
    public string ServiceName { get; set; } = "salon";
}
