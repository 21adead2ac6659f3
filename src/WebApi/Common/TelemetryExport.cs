using OpenTelemetry.Exporter;

namespace Salon.WebApi.Common;

/// <summary>Where traces and metrics go: nowhere (null endpoint) unless configured.</summary>
internal sealed record TelemetryExport(Uri? Endpoint, OtlpExportProtocol Protocol, bool FromStandardVariable)
{
    public bool Enabled => Endpoint is not null || FromStandardVariable;

    public static TelemetryExport From(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var protocol = string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        var endpoint = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint, UriKind.Absolute);
        var standard = endpoint is null && !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return new TelemetryExport(endpoint, protocol, standard);
    }

    /// <summary>For http/protobuf an endpoint set in code is used as is, so each signal gets its path.</summary>
    public void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        if (Endpoint is null)
        {
            return;
        }

        exporter.Protocol = Protocol;
        exporter.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint, Endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath)
            : Endpoint;
    }
}
