namespace Salon.Application.Common;

/// <summary>Settings under <c>Salon</c> in configuration.</summary>
public sealed class SalonOptions
{
    public const string Section = "Salon";

    /// <summary>Where members open links from e-mails (the web client). Links carry no personal data.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Version of the terms members accept at registration.</summary>
    public string TermsVersion { get; set; } = "2026-11";

    /// <summary>Version of the consent to the handling of sensitive personal information (要配慮個人情報).</summary>
    public string SensitiveInfoConsentVersion { get; set; } = "2026-11";

    /// <summary>Lifetime of an access token.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a signed-in session lasts without signing in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Lifetime of one refresh token (each refresh issues a new one).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an instance trusts its in-memory record of an open session before reading the
    /// database again (ADR 0024). Changes made on this instance apply at once; this is how late another
    /// instance may still accept a revoked session or a suspended, deleted or demoted member. Zero turns
    /// the cache off.</summary>
    public TimeSpan SessionCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
