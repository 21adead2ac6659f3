using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Salon.Web.Hosting;

namespace Salon.Web.Api;

/// <summary>The API's tokens for one signed-in browser. They never reach the browser in the clear.</summary>
public sealed record SessionTokens(string AccessToken, string RefreshToken, DateTimeOffset AccessExpiresAt);

/// <summary>The sign-in cookie: the tokens sealed with data protection, HttpOnly, SameSite=Lax, Secure outside
/// Development, and without an expiry (a browser session), because a family computer may be shared.</summary>
public sealed class SessionCookie(IDataProtectionProvider dataProtection, IOptions<WebClientOptions> options, IHostEnvironment environment)
{
    public const string Name = "salon-session";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Salon.Web.Session", "v1");

    public SessionTokens? Read(HttpContext context)
    {
        return context.Request.Cookies.TryGetValue(Name, out var sealedValue) && !string.IsNullOrEmpty(sealedValue) ? Unseal(sealedValue) : null;
    }

    internal SessionTokens? Unseal(string sealedValue)
    {
        try
        {
            return JsonSerializer.Deserialize<SessionTokens>(_protector.Unprotect(sealedValue));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Write(HttpContext context, SessionTokens tokens) =>
        context.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(tokens)), CookieOptions());

    public void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, CookieOptions());

    private CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = options.Value.SecureCookie ?? !environment.IsDevelopment(),
        Path = "/",
        IsEssential = true,
    };
}

/// <summary>This request's sign-in state. <see cref="SessionMiddleware"/> fills it from the cookie (refreshing
/// the tokens first when they are about to expire); sign-in and sign-out change it and the cookie together.</summary>
public sealed class SessionState(SessionCookie cookie, IHttpContextAccessor accessor)
{
    public SessionTokens? Tokens { get; private set; }

    public bool SignedIn => Tokens is not null;

    internal void Load(SessionTokens? tokens) => Tokens = tokens;

    public void SignIn(SessionTokens tokens)
    {
        Tokens = tokens;
        cookie.Write(accessor.HttpContext!, tokens);
    }

    public void SignOut()
    {
        Tokens = null;
        cookie.Delete(accessor.HttpContext!);
    }
}
