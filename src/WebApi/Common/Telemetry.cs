using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Salon.Application.Common;

namespace Salon.WebApi.Common;

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
