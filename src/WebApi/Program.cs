using Salon.WebApi;
using Salon.WebApi.Cli;
using Salon.WebApi.Common;

// The command line is checked before anything starts: `create-admin` (first argument only) is a verb of the same
// host (same configuration, same database); without a verb the arguments are configuration for the web API.
var command = CommandLine.Parse(args);
if (command.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

if (command.Error is { } error)
{
    await Console.Error.WriteLineAsync(error + Environment.NewLine + Environment.NewLine + CommandLine.Usage);
    return 2;
}

var isCli = command.Verb is not null;

// Settings ship next to the binaries; relative data paths (data/salon.db, data/mail) are resolved
// against the working directory, so `dotnet run --project src/WebApi` keeps data/ at the repository root.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCli ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (isCli)
{
    builder.Configuration["Jobs:ServerEnabled"] = "false";
}

builder.AddSalon();
var app = builder.Build();
if (DataVerbs.IsInvoked(args))
{
    // backup, restore, move-to-postgres: before start-up initialisation, which would migrate and seed the database.
    return await DataVerbs.RunAsync(app.Configuration, args);
}

// The middleware and the endpoints (each endpoint's request delegate, ~0.1 s of CPU) on a second core while the
// database is migrated and seeded (docs/adr/0039); only the web API needs them.
var pipeline = isCli ? Task.CompletedTask : Task.Run(() => app.UseSalon());
try
{
    await app.InitializeSalonAsync();
}
catch (ProductionNotReadyException notReady)
{
    // An operator's mistake, not a bug: what to fix, and no stack trace.
    await Console.Error.WriteLineAsync(notReady.Message);
    return 1;
}

if (isCli)
{
    return await CreateAdminVerb.RunAsync(app, command);
}

await pipeline;
app.MapSalonJobsDashboard();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
