namespace Salon.Web.Hosting;

/// <summary>Settings under <c>Web</c> (docs/configuration.md).</summary>
public sealed class WebClientOptions
{
    public const string Section = "Web";

    /// <summary>Where the API is. Empty: the API is in this same host and is called over loopback on the
    /// server's own address (co-hosted). Set it when the web client runs as its own host.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The sign-in cookie is sent over HTTPS only. Default: on outside Development.</summary>
    public bool? SecureCookie { get; set; }

    /// <summary>Refresh the access token when it expires within this time.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Standalone host only: where the data-protection keys that seal the sign-in cookie are kept.
    /// Empty: in memory (members are signed out on restart). Co-hosted, the API's key ring is used.</summary>
    public string? KeysDirectory { get; set; }
}
