using System.Net;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Salon.Application.Notifications.SendPendingEmails;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.BrowserTests.Infrastructure;

/// <summary>Salon as `dotnet run --project src/WebApi` serves it (web client at /, API at /api), on Kestrel on a
/// free loopback port, with a temporary SQLite database and e-mails written as .eml files to a pickup folder.</summary>
public class WebServer : SalonApiFactory
{
    public WebServer()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = default!;

    public string MailFolder => Path.Combine(Directory, "mail");

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    /// <summary>Delivers the outbox (the job the tests do not run in the background) and returns the link on
    /// this site from the newest e-mail of <paramref name="kind"/> to <paramref name="to"/>, as path and query.</summary>
    public async Task<string> LinkFromLatestMailAsync(string to, string kind, string path)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendPendingEmailsCommand());
        }

        var files = System.IO.Directory.GetFiles(MailFolder, $"*-{kind}-*.eml").Order(StringComparer.Ordinal);
        foreach (var file in files.Reverse())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == to))
            {
                var line = (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("http", StringComparison.Ordinal) && l.Contains(path, StringComparison.Ordinal));
                var link = new Uri(line);
                return link.PathAndQuery;
            }
        }

        throw new InvalidOperationException($"No '{kind}' e-mail to that address in the pickup folder.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Settings["Email:PickupDirectory"] = MailFolder;
        base.ConfigureWebHost(builder);

        // The stylesheet and scripts from the build output (only Development loads them by itself; tests run as
        // "Testing"), so pages are styled as members see them, in screenshots too.
        builder.UseStaticWebAssets();
    }
}
