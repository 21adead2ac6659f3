using Microsoft.AspNetCore.Http.Extensions;

namespace Salon.Web.Hosting;

/// <summary>A page request whose Host header makes no address (<c>Host: localhost:65536</c>, a 300-character name:
/// Kestrel lets both through) is answered 400. Blazor builds each page's address from the Host header and would
/// throw on it, a server error on every page. The API's routes do not read the Host and are left alone.</summary>
internal static class HostCheck
{
    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        if (WebClient.IsPage(context) && !MakesAnAddress(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Bad Request: the Host header is not a valid host and port.");
            return;
        }

        await next();
    }

    /// <summary>Does the request's address, as Blazor's navigation builds it, parse?</summary>
    private static bool MakesAnAddress(HttpRequest request) =>
        Uri.TryCreate(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, request.QueryString), UriKind.Absolute, out _);
}
