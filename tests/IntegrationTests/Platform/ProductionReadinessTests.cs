using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>Production refuses development settings and secrets in settings files.</summary>
public sealed class ProductionReadinessTests
{
    private static readonly Dictionary<string, string?> GoodProduction = new()
    {
        ["Salon:PublicBaseUrl"] = "https://salon.example.org",
        ["Email:SmtpHost"] = "smtp.example.org",
        ["Email:SmtpUsername"] = "salon",
        ["Email:SmtpPassword"] = "a long generated smtp secret",
        ["Email:FromAddress"] = "info@salon.example.org",
    };

    [Fact]
    public void Production_with_the_development_defaults_does_not_start_and_says_what_to_set()
    {
        using var factory = new SalonApiFactory();
        factory.Settings["Salon:PublicBaseUrl"] = "http://localhost:5000";
        var error = Assert.ThrowsAny<Exception>(() => Production(factory).CreateClient());
        var message = Flatten(error);

        Assert.Contains("Salon:PublicBaseUrl", message, StringComparison.Ordinal);
        Assert.Contains("Email:SmtpHost", message, StringComparison.Ordinal);
        Assert.Contains("Email:FromAddress", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Email:SmtpPassword", "password", "development placeholder")]
    [InlineData("Email:SmtpPassword", "", "Email:SmtpPassword is not")]
    [InlineData("Email:SmtpSecurity", "None", "in clear")]
    [InlineData("Salon:PublicBaseUrl", "http://salon.example.org", "Salon:PublicBaseUrl")]
    [InlineData("SALON_ADMIN_PASSWORD", "admin123", "SALON_ADMIN_PASSWORD")]
    public void One_development_setting_is_enough_to_refuse(string key, string value, string expected)
    {
        using var factory = new SalonApiFactory();
        foreach (var (k, v) in GoodProduction)
        {
            factory.Settings[k] = v;
        }

        factory.Settings[key] = value;
        var error = Assert.ThrowsAny<Exception>(() => Production(factory).CreateClient());
        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_settings_file_is_refused_even_when_strong()
    {
        var file = Path.Combine(Path.GetTempPath(), $"salon-secret-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { Email = new { SmtpPassword = "a long generated smtp secret" } }));
        try
        {
            using var factory = new SalonApiFactory();
            foreach (var (k, v) in GoodProduction.Where(s => s.Key != "Email:SmtpPassword"))
            {
                factory.Settings[k] = v;
            }

            var error = Assert.ThrowsAny<Exception>(() => Production(factory, c => c.AddJsonFile(file)).CreateClient());
            Assert.Contains("comes from a settings file", Flatten(error), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Production_with_real_settings_from_the_environment_starts()
    {
        using var factory = new SalonApiFactory();
        foreach (var (k, v) in GoodProduction)
        {
            factory.Settings[k] = v;
        }

        using var production = Production(factory);
        var response = await production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/health/live");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void The_shipped_settings_file_holds_no_secret()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Salon.sln")))
        {
            root = root.Parent!;
        }

        foreach (var name in new[] { "appsettings.json", "appsettings.Development.json" })
        {
            var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(root.FullName, "src", "WebApi", name)).Build();
            var secrets = settings.AsEnumerable()
                .Where(kv => !string.IsNullOrEmpty(kv.Value))
                .Where(kv => kv.Key.Contains("password", StringComparison.OrdinalIgnoreCase)
                    || kv.Key.Contains("secret", StringComparison.OrdinalIgnoreCase)
                    || kv.Key.Contains("apikey", StringComparison.OrdinalIgnoreCase)
                    || kv.Value!.Contains("password=", StringComparison.OrdinalIgnoreCase))
                .Select(kv => kv.Key)
                .ToList();
            Assert.True(secrets.Count == 0, $"{name} holds secrets: {string.Join(", ", secrets)}");
        }
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Production(SalonApiFactory factory, Action<IConfigurationBuilder>? configure = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            if (configure is not null)
            {
                builder.ConfigureAppConfiguration((_, c) => configure(c));
            }
        });

    private static string Flatten(Exception error)
    {
        var text = string.Empty;
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text += e.Message + "\n";
        }

        return error is AggregateException aggregate ? text + string.Join("\n", aggregate.Flatten().InnerExceptions.Select(e => e.Message)) : text;
    }
}
