using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Salon.Web.Hosting;

/// <summary>Settings under <c>ForwardedHeaders</c>: whose <c>X-Forwarded-For</c>/<c>-Proto</c> to believe.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of reverse proxies (and of a separately hosted web client) to trust, besides loopback.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/24</c>) to trust, besides loopback.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in front of the app to step back through (one proxy: 1).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>Forwarded headers are believed only from loopback (the co-hosted web client, a proxy on the same
/// machine) and from the configured proxies; from anyone else they are ignored, so a client cannot choose
/// the address its rate limits are counted against. Used by both hosts.</summary>
public static class ProxyTrust
{
    public static IServiceCollection AddSalonForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;

            // The framework's defaults already trust loopback (127.0.0.0/8 and ::1).
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
