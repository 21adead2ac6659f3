using Microsoft.AspNetCore.Http.Features;

namespace Salon.Web.Hosting;

/// <summary><c>HEAD</c> answered as <c>GET</c> would be, without the body (RFC 9110 §9.3.2), in both hosts. The framework
/// maps pages (<c>MapRazorComponents</c>: <c>GET</c> and <c>POST</c>) and the API's <c>MapGet</c> endpoints to <c>GET</c>
/// only, so an uptime monitor's or a link checker's <c>HEAD /</c> was "not found" (404, with the API's JSON problem).
/// The request goes through the whole pipeline as a <c>GET</c> (sign-in, rate limits, routing and the status page as for
/// any <c>GET</c>) with the body written nowhere: status and headers are the <c>GET</c>'s. The method is <c>HEAD</c>
/// again before the response starts (Kestrel sends no body for it, and the request log says <c>HEAD</c>).</summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseSalonHeadRequests(this IApplicationBuilder app) => app.Use(AsGetAsync);

    private static async Task AsGetAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!HttpMethods.IsHead(request.Method))
        {
            await next();
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        request.Method = HttpMethods.Get;
        context.Response.OnStarting(() =>
        {
            request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        });

        try
        {
            await next();
        }
        finally
        {
            request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    }
}
