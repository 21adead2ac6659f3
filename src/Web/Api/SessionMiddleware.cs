using Microsoft.Extensions.Options;
using Salon.Web.Hosting;

namespace Salon.Web.Api;

/// <summary>For page requests only (downloads included): says that no cache may keep the answer, and loads the
/// tokens from the sign-in cookie into <see cref="SessionState"/>, refreshing them first when the access token is
/// about to expire (and writing the new ones to the cookie), so pages never meet an expired token. A refused refresh
/// clears the cookie: the member is signed out.</summary>
internal sealed class SessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionCookie cookie, SessionState session, TokenRefresher refresher, IOptions<WebClientOptions> options)
    {
        if (WebClient.IsPage(context))
        {
            // No cache keeps a page: not a proxy, not the browser (after signing out on a computer the household shares,
            // Back must not show the member's pages again). Said here for every page, not left to the antiforgery
            // service, which says it only when a page happens to render a token.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }

        if (WebClient.IsPage(context) && cookie.Read(context) is { } tokens)
        {
            if (refresher.IsDue(tokens, options.Value.RefreshBefore))
            {
                // Not cancelled with this request: other requests may be waiting for the same shared refresh.
                var api = context.RequestServices.GetRequiredService<SalonApiClient>();
                var refreshed = await refresher.RefreshAsync(tokens, token => api.RefreshAsync(token, CancellationToken.None));
                if (refreshed.Ok)
                {
                    tokens = refreshed.Value!;
                    cookie.Write(context, tokens);
                }
                else if (refreshed.Status is StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized)
                {
                    cookie.Delete(context);
                    tokens = null;
                }
            }

            session.Load(tokens);
        }

        await next(context);
    }
}
