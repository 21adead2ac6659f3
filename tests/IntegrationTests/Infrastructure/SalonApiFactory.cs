using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Salon.Infrastructure.Persistence;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>The real Web API over HTTP, on a real SQLite file of its own, with no Hangfire server:
/// tests run background work by sending its command.</summary>
public class SalonApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = [];

    /// <summary>A folder of this factory's own: the database and the pickup directory live here.</summary>
    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Configuration overrides, applied before the host is built.</summary>
    public Dictionary<string, string?> Settings => _settings;

    /// <summary>Every log entry the app wrote, to check what is (not) logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra service registrations for one test.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>Keep the folder when disposing (another host will open it).</summary>
    public bool KeepDirectory { get; set; }

    /// <summary>When set, the app's clock. Tests move it forward instead of waiting.</summary>
    public FakeTimeProvider? Clock { get; set; }

    public async Task<T> WithDbAsync<T>(Func<SalonDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SalonDbContext>());
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        System.IO.Directory.CreateDirectory(Directory);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Directory, "salon.db")}",
            ["Email:PickupDirectory"] = Path.Combine(Directory, "mail"),
            ["Jobs:ServerEnabled"] = "false",
            ["Api:Docs:Enabled"] = "true",
            ["Salon:PublicBaseUrl"] = "https://salon.test",

            // Tests post quickly from new accounts; PostingLimitsTests sets these back to the defaults.
            ["PostingLimits:MinSecondsBetweenPosts"] = "0",
            ["PostingLimits:NewMemberMaxTopics"] = "1000",
            ["PostingLimits:NewMemberMaxReplies"] = "1000",

            // Every test client shares one address; SecurityTests sets real limits.
            ["RateLimits:SignIn:PermitLimit"] = "100000",
            ["RateLimits:Registration:PermitLimit"] = "100000",
            ["RateLimits:PasswordReset:PermitLimit"] = "100000",
            ["RateLimits:Screening:PermitLimit"] = "100000",
            ["RateLimits:Writes:PermitLimit"] = "100000",
            ["Security:UseHttps"] = "false",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            ConfigureTestServices?.Invoke(services);
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the OS temp cleaner will have it.
            }
        }
    }
}
