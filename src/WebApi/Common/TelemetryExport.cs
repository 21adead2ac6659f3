using OpenTelemetry.Exporter;

namespace Salon.WebApi.Common;

/// <summary>Where traces and metrics go: nowhere (null endpoint) unless configured. The protocol is kept as a bool, not
/// the exporter's enum, so that this type (built at every start) does not load the exporter's assembly (docs/adr/0030).</summary>
internal sealed record TelemetryExport(Uri? Endpoint, bool HttpProtobuf, bool FromStandardVariable)
{
    public bool Enabled => Endpoint is not null || FromStandardVariable;

    public static TelemetryExport From(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var httpProtobuf = string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);
        var endpoint = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint, UriKind.Absolute);
        var standard = endpoint is null && !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return new TelemetryExport(endpoint, httpProtobuf, standard);
    }

    /// <summary>For http/protobuf an endpoint set in code is used as is, so each signal gets its path.</summary>
    public void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        if (Endpoint is null)
        {
            return;
        }

        exporter.Protocol = HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        exporter.Endpoint = HttpProtobuf
            ? new Uri(Endpoint, Endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath)
            : Endpoint;
    }
}
