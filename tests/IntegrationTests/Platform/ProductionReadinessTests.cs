using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Salon.IntegrationTests.Infrastructure;
using Salon.WebApi.Common;

namespace Salon.IntegrationTests.Platform;

/// <summary>Production refuses development settings and secrets in settings files (the refusal as the program prints
/// it: CommandLineTests).</summary>
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
    public void The_development_defaults_are_refused_naming_what_to_set()
    {
        var problems = Problems(new Dictionary<string, string?> { ["Salon:PublicBaseUrl"] = "http://localhost:5000" });

        Assert.Contains("Salon:PublicBaseUrl", problems, StringComparison.Ordinal);
        Assert.Contains("Email:SmtpHost", problems, StringComparison.Ordinal);
        Assert.Contains("Email:FromAddress", problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Email:SmtpPassword", "password", "development placeholder")]
    [InlineData("Email:SmtpPassword", "", "Email:SmtpPassword is not")]
    [InlineData("Email:SmtpSecurity", "None", "in clear")]
    [InlineData("Salon:PublicBaseUrl", "http://salon.example.org", "Salon:PublicBaseUrl")]
    [InlineData("SALON_ADMIN_PASSWORD", "admin123", "SALON_ADMIN_PASSWORD")]
    public void One_development_setting_is_enough_to_refuse(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>(GoodProduction) { [key] = value };
        Assert.Contains(expected, Problems(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_settings_file_is_refused_even_when_strong()
    {
        var file = Path.Combine(Path.GetTempPath(), $"salon-secret-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { Email = new { SmtpPassword = "a long generated smtp secret" } }));
        try
        {
            var problems = Problems(GoodProduction.Where(s => s.Key != "Email:SmtpPassword").ToDictionary(), c => c.AddJsonFile(file));
            Assert.Contains("comes from a settings file", problems, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Good_settings_raise_no_problem() => Assert.Empty(Problems(GoodProduction));

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

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Production(SalonApiFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

    /// <summary>What Production would refuse (the program prints it and exits 1, see CommandLineTests).</summary>
    private static string Problems(IReadOnlyDictionary<string, string?> settings, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(settings);
        configure?.Invoke(builder);
        return string.Join("\n", ProductionReadiness.Problems(builder.Build()));
    }
}
