using System.Runtime.CompilerServices;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Salon.Application.Common;

namespace Salon.WebApi.Common;

/// <summary>OpenTelemetry traces (ASP.NET Core, EF Core, outgoing HTTP) and metrics (ASP.NET Core, HTTP
/// client, runtime, Salon's own meter). Privacy: URL query values are redacted (the instrumentation's
/// default, kept on: unsubscribe links carry tokens); SQL parameter values are never recorded; exceptions
/// are not recorded on spans. Logs are not exported. Without an endpoint (the default) none of it is set up.</summary>
internal static class Telemetry
{
    public static IServiceCollection AddSalonTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var export = TelemetryExport.From(configuration);
        services.AddSingleton(export);
        if (!export.Enabled)
        {
            // Nothing would leave the process: no SDK, so no span for every request and SQL command and no metric
            // collection. Salon's meters still count (IMeterFactory) for any listener, as in TelemetryTests.
            return services;
        }

        AddExport(services, export, configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.ServiceName)}"] ?? "salon");
        return services;
    }

    /// <summary>Apart, so that the SDK and its instrumentation assemblies are only needed when an endpoint is configured
    /// (the export settings' own type still comes from the exporter assembly).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExport(IServiceCollection services, TelemetryExport export, string serviceName)
    {
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
                    .AddEntityFrameworkCoreInstrumentation() // SQL text with placeholders; parameter values are not recorded
                    .AddOtlpExporter(options => export.Configure(options, "v1/traces"));
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(SalonMetrics.MeterName)
                    .AddOtlpExporter(options => export.Configure(options, "v1/metrics"));
            });
    }
}
