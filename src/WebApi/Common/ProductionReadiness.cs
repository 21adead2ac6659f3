using System.Net;
using Microsoft.Extensions.Configuration.Json;

namespace Salon.WebApi.Common;

/// <summary>Refuses to start in Production with development settings or with a secret in a settings
/// file. Each problem is named (never its value) so the operator knows what to set. Only the
/// Production environment is checked; Development and test hosts run with the defaults.</summary>
internal static class ProductionReadiness
{
    private static readonly string[] WeakPasswords = ["password", "changeme", "change-me", "secret", "dev", "development", "test", "salon", "admin", "password1", "12345678", "admin123", "password123"];

    public static void EnsureReady(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var problems = Problems(configuration).ToList();
        if (problems.Count > 0)
        {
            throw new ProductionNotReadyException(
                "Salon will not start in Production with these settings (see docs/configuration.md, \"Production\"):"
                + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)));
        }
    }

    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        var baseUrl = configuration["Salon:PublicBaseUrl"];
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps || IsDevelopmentHost(publicUrl.Host))
        {
            yield return "Salon:PublicBaseUrl must be the public https:// address of the web client (links in e-mails point there).";
        }

        var smtpHost = configuration["Email:SmtpHost"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            yield return "Email:SmtpHost is empty: mail would only be written to the pickup directory and never reach members.";
        }
        else
        {
            if (string.Equals(configuration["Email:SmtpSecurity"], "None", StringComparison.OrdinalIgnoreCase) && !IsLoopback(smtpHost))
            {
                yield return "Email:SmtpSecurity is None for a remote SMTP server: mail and credentials would cross the network in clear.";
            }

            var password = configuration["Email:SmtpPassword"];
            if (!string.IsNullOrEmpty(configuration["Email:SmtpUsername"]) && string.IsNullOrEmpty(password))
            {
                yield return "Email:SmtpUsername is set but Email:SmtpPassword is not (set it as the environment variable Email__SmtpPassword).";
            }

            if (!string.IsNullOrEmpty(password) && IsPlaceholder(password))
            {
                yield return "Email:SmtpPassword is a development placeholder.";
            }
        }

        var from = configuration["Email:FromAddress"] ?? "no-reply@salon.invalid";
        if (IsDevelopmentHost(from[(from.LastIndexOf('@') + 1)..]))
        {
            yield return "Email:FromAddress is a placeholder address; use a neutral sender on your own domain.";
        }

        if (configuration["Email:SmtpPassword"] is { Length: > 0 } && FromSettingsFile(configuration, "Email:SmtpPassword"))
        {
            yield return "Email:SmtpPassword comes from a settings file; secrets belong in environment variables or a secret store.";
        }

        if (configuration["SALON_ADMIN_PASSWORD"] is { Length: > 0 } adminPassword && IsPlaceholder(adminPassword))
        {
            yield return "SALON_ADMIN_PASSWORD is a development placeholder; choose a long passphrase (or use --password-stdin).";
        }

        var connection = configuration["Database:ConnectionString"];
        if (connection is not null && connection.Contains("password", StringComparison.OrdinalIgnoreCase) && FromSettingsFile(configuration, "Database:ConnectionString"))
        {
            yield return "Database:ConnectionString carries a password and comes from a settings file; set it as an environment variable.";
        }
    }

    private static bool IsPlaceholder(string password) => password.Length < 8 || WeakPasswords.Contains(password.ToLowerInvariant());

    /// <summary>True when the provider that wins for <paramref name="key"/> is an appsettings*.json file.</summary>
    private static bool FromSettingsFile(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return false;
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return provider is JsonConfigurationProvider;
            }
        }

        return false;
    }

    private static bool IsDevelopmentHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || IsLoopback(host)
        || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".test", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.Equals("example.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".example", StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
