using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.CreateAdmin;
using Salon.Application.Members.SetMemberRoles;
using Salon.Application.Moderation.SuspendMember;
using Salon.IntegrationTests.Infrastructure;

namespace Salon.IntegrationTests.Platform;

/// <summary>/hangfire: admins signed in through the dashboard's own cookie see it; nobody else gets any of it.</summary>
public sealed partial class DashboardTests(SalonApiFactory factory) : IClassFixture<SalonApiFactory>
{
    private const string AdminPassword = "an admin passphrase";

    [Fact]
    public async Task Anonymous_callers_get_401_and_no_dashboard()
    {
        var browser = Browser();
        var response = await browser.GetAsync("/hangfire");
        await AssertNoDashboardAsync(response, HttpStatusCode.Unauthorized);
        await AssertNoDashboardAsync(await browser.GetAsync("/hangfire/jobs/enqueued"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_tokens_do_not_open_the_dashboard_even_for_an_admin()
    {
        var api = factory.CreateClient();
        var member = await factory.SignUpAsync(api);
        var admin = await CreateAdminAsync();
        var adminTokens = await api.LoginAsync(admin, AdminPassword);

        await AssertNoDashboardAsync(await api.SendAsAsync(member, HttpMethod.Get, "/hangfire"), HttpStatusCode.Unauthorized);
        await AssertNoDashboardAsync(await api.SendAsync(ApiClient.Authorized(HttpMethod.Get, "/hangfire", adminTokens.AccessToken)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Members_and_moderators_cannot_sign_in_to_the_dashboard()
    {
        var api = factory.CreateClient();
        var member = await factory.SignUpAsync(api);
        var moderator = await factory.SignUpAsync(api);
        await factory.SendAsync(new SetMemberRolesCommand(moderator.Id, ["moderator"]));

        foreach (var who in new[] { member, moderator })
        {
            var browser = Browser();
            var signIn = await SignInAsync(browser, who.Email, who.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode); // the same answer as a wrong password
            Assert.DoesNotContain("salon-dashboard=", string.Join(";", signIn.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
            await AssertNoDashboardAsync(await browser.GetAsync("/hangfire"), HttpStatusCode.Unauthorized);
        }

        var wrong = await SignInAsync(Browser(), member.Email, "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task An_admin_signed_in_with_the_cookie_sees_the_dashboard_until_the_role_is_removed()
    {
        var admin = await CreateAdminAsync();
        var browser = Browser();

        var signIn = await SignInAsync(browser, admin, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("salon-dashboard=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/hangfire", cookie, StringComparison.OrdinalIgnoreCase);

        var dashboard = await browser.GetAsync("/hangfire");
        await dashboard.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Hangfire", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The cookie opens only the dashboard: the API still wants a bearer token.
        await (await browser.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized);

        // Role removal applies on the next request: still signed in, no longer allowed.
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == admin).Select(u => u.Id).SingleAsync());
        await factory.SendAsync(new SetMemberRolesCommand(adminId, []));
        await AssertNoDashboardAsync(await browser.GetAsync("/hangfire"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Suspending_a_signed_in_admin_closes_the_dashboard_at_once()
    {
        var admin = await CreateAdminAsync();
        var otherAdmin = await CreateAdminAsync();
        var browser = Browser();
        await SignInAsync(browser, admin, AdminPassword);
        await (await browser.GetAsync("/hangfire")).ShouldBe(HttpStatusCode.OK);

        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == admin).Select(u => u.Id).SingleAsync());
        var otherId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == otherAdmin).Select(u => u.Id).SingleAsync());
        await factory.SendAsync(new SuspendMemberCommand(otherId, true, adminId, null, "テスト"));

        await AssertNoDashboardAsync(await browser.GetAsync("/hangfire"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_dashboard_session()
    {
        var admin = await CreateAdminAsync();
        var browser = Browser();
        await SignInAsync(browser, admin, AdminPassword);
        await (await browser.GetAsync("/hangfire")).ShouldBe(HttpStatusCode.OK);

        var token = await AntiforgeryTokenAsync(browser);
        var signOut = await browser.PostAsync("/hangfire/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await AssertNoDashboardAsync(await browser.GetAsync("/hangfire"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_posts_without_the_antiforgery_token()
    {
        var admin = await CreateAdminAsync();
        var browser = Browser();
        var response = await browser.PostAsync("/hangfire/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = admin, ["password"] = AdminPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoDashboardAsync(await browser.GetAsync("/hangfire"), HttpStatusCode.Unauthorized);
    }

    /// <summary>Form bodies the framework cannot read (a multipart body without its boundary or cut short, more fields
    /// than the form limits allow) carry no valid token: the sign-in and sign-out forms refuse them as they refuse a
    /// missing token, and the dashboard's own forms answer 400, never 500 (ADR 0019). Each used to be a 500, logged as an
    /// error, from the antiforgery check reading the form (so anyone could fill the error log).</summary>
    [Fact]
    public async Task Unreadable_forms_are_refused_like_a_missing_token_not_a_server_error()
    {
        var admin = await CreateAdminAsync();
        var signedIn = Browser();
        await SignInAsync(signedIn, admin, AdminPassword);
        await (await signedIn.GetAsync("/hangfire")).ShouldBe(HttpStatusCode.OK);

        foreach (var (browser, path, expected) in new[]
        {
            (Browser(), "/hangfire/sign-in", HttpStatusCode.BadRequest),
            (Browser(), "/hangfire/sign-out", HttpStatusCode.BadRequest),
            (signedIn, "/hangfire/recurring/trigger", HttpStatusCode.BadRequest),
        })
        {
            foreach (var body in UnreadableForms())
            {
                var response = await browser.PostAsync(path, body);
                Assert.True(expected == response.StatusCode, $"{path} with {body.Headers.ContentType}: {(int)response.StatusCode}");
            }
        }

        await (await signedIn.GetAsync("/hangfire")).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Hangfire's statistics (which its pages ask for with a POST) read the request's form whatever the method, so
    /// a GET, an address typed or prefetched, threw there (a 500 logged as an error): it is 405, and 401 signed out like
    /// every other path of the dashboard.</summary>
    [Fact]
    public async Task Asking_the_dashboard_statistics_with_a_get_is_405_not_a_server_error()
    {
        var admin = await CreateAdminAsync();
        var browser = Browser();
        await SignInAsync(browser, admin, AdminPassword);

        var get = await browser.GetAsync("/hangfire/stats");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", string.Join(",", get.Content.Headers.Allow));
        await AssertNoDashboardAsync(await Browser().GetAsync("/hangfire/stats"), HttpStatusCode.Unauthorized);
    }

    /// <summary>Form bodies ASP.NET Core cannot read.</summary>
    internal static IEnumerable<HttpContent> UnreadableForms()
    {
        yield return Raw("multipart/form-data", "a form without a boundary");
        yield return Raw("multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut short");
        yield return Raw("application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=1")));

        static ByteArrayContent Raw(string contentType, string body)
        {
            var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return content;
        }
    }

    [Fact]
    public async Task The_sign_in_form_has_a_strict_policy_and_no_inline_script()
    {
        var page = await Browser().GetAsync("/hangfire/sign-in");
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
    }

    /// <summary>Sign-ins sent at once never answer 500, and each wrong one counts towards the lockout (robustness review,
    /// item 9): as many wrong passwords at once as the lockout allows (five) lock the admin out, and the right one is then
    /// refused like a wrong one.</summary>
    [Fact]
    public async Task Wrong_passwords_sent_at_once_each_get_the_same_page_and_lock_the_admin_out()
    {
        var admin = await CreateAdminAsync();

        var signIns = await SignInAtOnceAsync(Enumerable.Range(0, 5).Select(i => (admin, $"wrong guess {i}")).ToArray());

        Assert.All(signIns, s => Assert.Equal(HttpStatusCode.Unauthorized, s.StatusCode));
        var right = await SignInAsync(Browser(), admin, AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task Right_passwords_sent_at_once_after_a_failure_all_open_the_dashboard()
    {
        var admin = await CreateAdminAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(Browser(), admin, "one wrong guess")).StatusCode);

        var signIns = await SignInAtOnceAsync(Enumerable.Repeat((admin, AdminPassword), 4).ToArray());

        Assert.All(signIns, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
    }

    /// <summary>A browser: keeps cookies, does not follow redirects, talks HTTPS (the cookie is Secure).</summary>
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private async Task<string> CreateAdminAsync()
    {
        var email = ApiClient.UniqueEmail("admin");
        await factory.SendAsync(new CreateAdminCommand(email, "サロン運営" + Guid.NewGuid().ToString("N")[..4], AdminPassword));
        return email;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        var form = await (await browser.GetAsync("/hangfire/sign-in")).Content.ReadAsStringAsync();
        return TokenField().Match(form).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        await browser.PostAsync("/hangfire/sign-in", await SignInFormAsync(browser, email, password));

    private static async Task<FormUrlEncodedContent> SignInFormAsync(HttpClient browser, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(browser);
        Assert.False(string.IsNullOrEmpty(token));
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
        });
    }

    /// <summary>One browser per sign-in, each with its form token fetched first, then every form posted together.</summary>
    private async Task<HttpResponseMessage[]> SignInAtOnceAsync((string Email, string Password)[] attempts)
    {
        var forms = new List<(HttpClient Browser, FormUrlEncodedContent Form)>();
        foreach (var (email, password) in attempts)
        {
            var browser = Browser();
            forms.Add((browser, await SignInFormAsync(browser, email, password)));
        }

        return await Task.WhenAll(forms.Select(f => Task.Run(() => f.Browser.PostAsync("/hangfire/sign-in", f.Form))));
    }

    private static async Task AssertNoDashboardAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Hangfire", body, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
