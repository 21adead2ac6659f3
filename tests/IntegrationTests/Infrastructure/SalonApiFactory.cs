using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Salon.Infrastructure.Persistence;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>The real Web API over HTTP, on a real database of its own, with no Hangfire server:
/// tests run background work by sending its command.
/// <para>The database is a SQLite file in <see cref="Directory"/>, or, when the environment variable
/// <c>SALON_TEST_POSTGRES</c> holds a server connection string (<c>Host=…;Port=…;Username=…</c>), a PostgreSQL
/// database of its own on that server, created by the app's migrations and dropped on dispose.
/// <c>.ci/run</c> runs the suite both ways; tests that only make sense on one provider carry
/// <c>[Trait("Provider", "Sqlite")]</c> or use <c>PostgresFactAttribute</c> (not a cref: this file is linked into the browser tests too, which do not have it).</para></summary>
public class SalonApiFactory : WebApplicationFactory<Program>
{
    /// <summary>A PostgreSQL server connection string; when set, every factory uses PostgreSQL.</summary>
    public const string PostgresVariable = "SALON_TEST_POSTGRES";

    private readonly Dictionary<string, string?> _settings = [];

    /// <summary>The PostgreSQL server the suite runs against, or null for SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool UsesPostgres => PostgresServer is not null;

    /// <summary>A folder of this factory's own: the database and the pickup directory live here.</summary>
    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "salon-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Use a SQLite file even when the suite runs on PostgreSQL (the source of a move to PostgreSQL).</summary>
    public bool ForceSqlite { get; init; }

    /// <summary>On PostgreSQL, this factory's database: named after <see cref="Directory"/>, so two factories
    /// given the same folder share one database, as they share one SQLite file.</summary>
    public string? PostgresConnectionString => PostgresServer is { } server && !ForceSqlite
        ? new NpgsqlConnectionStringBuilder(server) { Database = "salon_test_" + Path.GetFileName(Directory.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant() }.ConnectionString
        : null;

    /// <summary>Configuration overrides, applied before the host is built.</summary>
    public Dictionary<string, string?> Settings => _settings;

    /// <summary>Every log entry the app wrote, to check what is (not) logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra service registrations for one test.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    /// <summary>On SQLite, start from a copy of the run's migrated database (<see cref="DatabaseTemplate"/>) when this
    /// factory's database does not exist yet, instead of migrating an empty one. Off for the template itself.</summary>
    public bool FromTemplate { get; init; } = true;

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
        if (PostgresConnectionString is { } postgres)
        {
            CreateDatabase(postgres);
        }
        else if (FromTemplate && !_settings.ContainsKey("Database:ConnectionString") && !File.Exists(Path.Combine(Directory, "salon.db")))
        {
            File.Copy(DatabaseTemplate.SqliteFile(), Path.Combine(Directory, "salon.db"));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = PostgresConnectionString is null ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = PostgresConnectionString ?? $"Data Source={Path.Combine(Directory, "salon.db")}",
            ["Email:PickupDirectory"] = Path.Combine(Directory, "mail"),
            ["Jobs:ServerEnabled"] = "false",
            // A test that turns the job server on gets it at once, not at its first readiness answer.
            ["Jobs:ServerStartDelaySeconds"] = "0",
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

    /// <summary>Adds a configuration to the app's DbContext, whichever context type the provider uses.</summary>
    public static void ConfigureDbContext(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.ConfigureDbContext<SalonDbContext>(configure);
        services.ConfigureDbContext<PostgresSalonDbContext>(configure);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDirectory && PostgresConnectionString is { } connectionString)
        {
            DropDatabase(connectionString);
        }

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

    /// <summary>An empty database for the app's migrations (created here so that the app does not first log
    /// a failed connection to a database that does not exist yet). Shared when two factories share a folder.</summary>
    public static void CreateDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM pg_database WHERE datname = @name";
        exists.Parameters.AddWithValue("name", database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{database}\"";
            try
            {
                create.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another factory on the same folder, starting at the same moment, made it (two concurrent
                // CREATE DATABASE collide on pg_database's unique index).
            }
        }
    }

    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var own = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
