using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salon.Bench;
using Salon.Infrastructure.Persistence;
using Salon.WebApi;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var log = Console.Error;
var reuse = HttpSetup.CanReuse(options);
if (!reuse)
{
    foreach (var file in new[] { options.Database, options.Database + "-wal", options.Database + "-shm", HttpSetup.StampPath(options) })
    {
        File.Delete(file);
    }
}

// The real composition root (SalonHost.AddSalon): same handlers, pipeline, DbContext, interceptors and
// search as the API. Nothing is started (no Kestrel, no Hangfire server); the bench only needs the
// container. Migrations and the default boards come from InitializeSalonAsync, as at start-up.
var capture = new StatementCapture();
var transactions = new TransactionTimer();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [],
    ContentRootPath = AppContext.BaseDirectory,
    // Not "Production": the production start-up check (rightly) refuses pickup-directory mail and a local
    // base URL, which is what a benchmark uses. Nothing on the measured paths depends on the environment name.
    EnvironmentName = "Benchmark",
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:ConnectionString"] = $"Data Source={options.Database}",
    ["Jobs:ServerEnabled"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    // The HTTP bench's token must outlive the run (the server only checks the token's own expiry and the session).
    ["Salon:AccessTokenLifetime"] = "12:00:00",
});
builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.AddSalon();
if (options.DigestMembers > 0)
{
    builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(DigestBench.RunAt));
    builder.Services.ConfigureDbContext<SalonDbContext>(o => o.AddInterceptors(transactions));
}
else
{
    builder.Services.ConfigureDbContext<SalonDbContext>(o => o.AddInterceptors(capture, new SqliteTraceInterceptor(capture)));
}

await using var app = builder.Build();
log.WriteLine($"[bench] migrating {options.Database}");
await app.InitializeSalonAsync();

if (options.DigestMembers > 0)
{
    // The app's background checkpoint of SQLite's log runs as it does in the app (docs/adr/0033); the rest of the
    // host is not started.
    var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();
    await checkpointer.StartAsync(CancellationToken.None);
    var status = await new DigestBench(app.Services, options, transactions, log).RunAsync($"Data Source={options.Database};Pooling=False");
    await checkpointer.StopAsync(CancellationToken.None);
    log.WriteLine($"[bench] last background checkpoint (frames in the log, copied): {checkpointer.Last}");
    return status;
}

if (reuse)
{
    log.WriteLine($"[bench] reusing {options.Database} (stamp {HttpSetup.StampPath(options)} matches)");
    return await HttpSetup.WriteEnvAsync(app.Services, options, log);
}

log.WriteLine($"[bench] generating {options.Topics:N0} topics");
var data = new DataGenerator(options);
log.WriteLine($"[bench] inserting {data.Topics.Count:N0} topics, {data.Replies.Count:N0} replies, {data.Reactions.Count:N0} reactions");
var seed = await new BulkSeeder($"Data Source={options.Database};Pooling=False", data, options.Seed, log).SeedAsync();
if (options.HttpEnv is not null)
{
    SqliteConnection.ClearAllPools();
    HttpSetup.WriteStamp(options, seed);
    return await HttpSetup.WriteEnvAsync(app.Services, options, log);
}

// Fresh connections from here on, so every query is planned with the statistics ANALYZE wrote.
SqliteConnection.ClearAllPools();

string sqliteVersion;
await using (var connection = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False"))
{
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT sqlite_version()";
    sqliteVersion = (string)(await command.ExecuteScalarAsync())!;
}

var bench = new QueryBench(app.Services, capture, options, seed, log);
var results = await bench.RunAsync();
var terms = await bench.CountSearchTermsAsync();
MarkdownReport.Write(Console.Out, options, seed, sqliteVersion, new FileInfo(options.Database).Length, terms, results);
return 0;
