using System.Reflection;

namespace Salon.IntegrationTests.Platform;

public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void Every_setting_in_a_settings_class_is_in_the_configuration_reference()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "configuration.md"));
        var settingsClasses = new[] { typeof(Program).Assembly, typeof(Salon.Infrastructure.InfrastructureServices).Assembly, typeof(Salon.Application.ApplicationServices).Assembly, typeof(Salon.Web.Hosting.WebClientOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic) is { IsLiteral: true })
            .ToList();
        Assert.True(settingsClasses.Count >= 8, $"found only {settingsClasses.Count} settings classes");

        var missing = settingsClasses
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => $"{t.GetField("Section", BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)!.GetRawConstantValue()}:{p.Name}"))
            .Where(key => !document.Contains($"`{key}`", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", missing));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Salon.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Salon.sln not found above the test binaries.");
    }
}
