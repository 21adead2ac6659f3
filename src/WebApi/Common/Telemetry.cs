using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Salon.Application.Common;

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

/// <summary>OpenTelemetry traces (ASP.NET Core, EF Core, outgoing HTTP) and metrics (ASP.NET Core, HTTP
/// client, runtime, Salon's own meter). Privacy: URL query values are redacted (the instrumentation's
/// default, kept on: unsubscribe links carry tokens); SQL parameter values are never recorded; exceptions
/// are not recorded on spans. Logs are not exported.</summary>
internal static class Telemetry
{
    public static IServiceCollection AddSalonTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var export = TelemetryExport.From(configuration);
        services.AddSingleton(export);
        var serviceName = configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.ServiceName)}"] ?? "salon";

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.RecordException = false;
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    })
                    .AddHttpClientInstrumentation(options => options.RecordException = false)
                    .AddEntityFrameworkCoreInstrumentation(); // SQL text with placeholders; parameter values are not recorded
                if (export.Enabled)
                {
                    tracing.AddOtlpExporter(options => export.Configure(options, "v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(SalonMetrics.MeterName);
                if (export.Enabled)
                {
                    metrics.AddOtlpExporter(options => export.Configure(options, "v1/metrics"));
                }
            });
        return services;
    }
}
