namespace Salon.Web.Hosting;

/// <summary>The web client's response headers: no sniffing, no referrer (a link out must not tell another site
/// which consultation someone was reading), no framing, and <see cref="WebClient.ContentSecurityPolicy"/>.
/// The co-hosting API applies the same set to every path that is not its own.</summary>
public static class WebSecurityHeaders
{
    public static void Set(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = WebClient.ContentSecurityPolicy;
    }

    /// <summary>As middleware, for the standalone host.</summary>
    public static Task Apply(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            Set(context.Response.Headers);
            return Task.CompletedTask;
        });
        return next();
    }
}
