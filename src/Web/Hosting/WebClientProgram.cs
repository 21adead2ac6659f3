using Microsoft.AspNetCore.DataProtection;

namespace Salon.Web.Hosting;

/// <summary>The web client as its own host, in front of a remote API (<c>Web:ApiBaseUrl</c>), so the two can be
/// scaled separately (docs/deploy.md). <c>dotnet run --project src/WebApi</c> hosts the same client itself.</summary>
public static class WebClientProgram
{
    public static async Task Main(string[] args) => await Build(args).RunAsync();

    /// <summary>The standalone host, built and ready to run (tests start it on a free port).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,

            // Names the static-asset manifests (Salon.Web.staticwebassets.*.json), whoever the entry assembly is.
            ApplicationName = typeof(WebClientProgram).Assembly.GetName().Name,
        });
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddSalonLoggingPolicy();
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebClientOptions.Section + ":" + nameof(WebClientOptions.ApiBaseUrl)]))
        {
            throw new InvalidOperationException("Set Web:ApiBaseUrl (for example Web__ApiBaseUrl=http://localhost:5000) to the API this web client talks to.");
        }

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Salon.Web");
        if (builder.Configuration[WebClientOptions.Section + ":" + nameof(WebClientOptions.KeysDirectory)] is { Length: > 0 } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.Services.AddSalonForwardedHeaders(builder.Configuration);
        builder.Services.AddSalonWebClient(builder.Configuration);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSalonRequestLogging();
        app.UseSalonHeadRequests();
        app.UseSalonStatusPage();

        // Explicit, after the status-code pages, so a re-executed request is routed again.
        app.UseRouting();
        app.Use(WebSecurityHeaders.Apply);
        if (app.Configuration.GetValue("Security:UseHttps", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSalonWebClient();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapSalonWebClient();
        return app;
    }
}
