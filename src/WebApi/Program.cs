using Salon.WebApi;
using Salon.WebApi.Cli;

// `create-admin` is a command-line verb of the same host: same configuration, same database.
var isCli = CreateAdminVerb.IsInvoked(args) || DataVerbs.IsInvoked(args);
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

await app.InitializeSalonAsync();

if (isCli)
{
    return await CreateAdminVerb.RunAsync(app, args);
}

app.UseSalon();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
