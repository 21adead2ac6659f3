using Salon.Web.Hosting;

namespace Salon.WebApi.Common;

/// <summary>Headers on every response: no MIME sniffing, no referrer (a link out must not tell another site
/// which consultation someone was reading), no framing, a strict CSP on the API (it returns JSON; the
/// developer reference UI is left to its own policy) and <c>Cache-Control: no-store</c> on its answers. Every other path
/// is the web client's, with its own policy.</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSalonSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Decided on the way in: the dashboard rewrites Path/PathBase before the response starts.
        var path = context.Request.PathBase.Add(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (path.StartsWithSegments(Jobs.AdminDashboard.Path))
            {
                headers.ContentSecurityPolicy = Jobs.AdminDashboard.ContentSecurityPolicy;
            }
            else if (!WebClient.IsApiPath(path))
            {
                // The web client's pages, styles and script (src/Web).
                WebSecurityHeaders.Set(headers);
            }
            else if (!path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
            }

            // What the API answers is about a member or for one: no cache keeps it (an answer that names no policy is left
            // to whatever a proxy in front of Salon does with it).
            if (path.StartsWithSegments("/api") && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
