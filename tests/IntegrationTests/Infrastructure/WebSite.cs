namespace Salon.IntegrationTests.Infrastructure;

/// <summary>The API with its co-hosted web client on a real loopback port (the web client calls the API over it), the
/// sign-in cookie allowed over http: for tests that use the web client as a browser does.</summary>
public sealed class WebSite : IDisposable
{
    public WebSite()
    {
        Factory = new SalonApiFactory();
        Factory.Settings["Web:SecureCookie"] = "false";
        Factory.UseKestrel(0);
        Client = Factory.CreateClient();
    }

    public SalonApiFactory Factory { get; }

    /// <summary>A client of the API on the site's address.</summary>
    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    /// <summary>A new member, and a browser signed in as them through the web client's sign-in form.</summary>
    public async Task<(TestMember Member, HttpClient Browser)> MemberInBrowserAsync()
    {
        var member = await Factory.SignUpAsync(Client);
        return (member, await WebForms.SignedInBrowserAsync(Address, member));
    }

    public void Dispose() => Factory.Dispose();
}
