namespace Salon.Web.Api;

/// <summary>Downloads proxied for the browser. The API serves files (a meeting's calendar entry, the data export)
/// to a bearer token; the browser has only the sealed sign-in cookie. So the web client maps a small GET
/// endpoint of its own per file, which calls the API with the member's token and streams the answer back as an
/// attachment, never stored here and never cached by the browser. Links to these endpoints carry
/// <c>download</c>, so enhanced navigation leaves them to the browser.</summary>
public static class FileDownloads
{
    /// <summary>Maps a download endpoint that has the member's session (<see cref="Api.SessionMiddleware"/> loads it,
    /// refreshing the tokens when due, as for pages). Open to the host's authorisation (<c>AllowAnonymous</c>): the
    /// handler checks the web client's own session and sends a visitor to the sign-in page, and the API it calls
    /// checks the member's token.</summary>
    public static RouteHandlerBuilder MapFileDownload(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapGet(pattern, handler).WithMetadata(SessionEndpoint.Instance).ExcludeFromDescription().AllowAnonymous();

    /// <summary>Maps a download that a form asks for with a POST carrying its anti-forgery token (the data export:
    /// the handler checks the token), with the member's session as for <see cref="MapFileDownload"/>.</summary>
    public static RouteHandlerBuilder MapFileDownloadForm(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapPost(pattern, handler).WithMetadata(SessionEndpoint.Instance).ExcludeFromDescription().AllowAnonymous();

    /// <summary>The file from <paramref name="route"/>, as an attachment named by the API or
    /// <paramref name="fileName"/>. Not signed in: to the sign-in page, back to <paramref name="page"/> after.
    /// Refused or failed: back to <paramref name="page"/> with <c>?download=failed</c>, which the page explains.</summary>
    public static async Task<IResult> ProxyAsync(
        HttpContext context, ApiRoute route, object[] values, string fileName, string page)
    {
        var session = context.RequestServices.GetRequiredService<SessionState>();
        if (!session.SignedIn)
        {
            return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(page));
        }

        var api = context.RequestServices.GetRequiredService<SalonApiClient>();
        var result = await api.DownloadAsync(route, values, context.RequestAborted);
        if (!result.Ok)
        {
            if (result.Status == StatusCodes.Status401Unauthorized)
            {
                session.SignOut();
                return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(page));
            }

            return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(page, "download", "failed"));
        }

        var file = result.Value!;
        context.Response.RegisterForDispose(file);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Stream(await file.OpenAsync(context.RequestAborted), file.ContentType, file.FileName ?? fileName);
    }

    /// <summary>Endpoint metadata: this endpoint is not a page (a download) but, like a page, works with the member's
    /// session from the sign-in cookie (<see cref="Hosting.WebClient.IsPage"/>).</summary>
    internal sealed class SessionEndpoint
    {
        public static SessionEndpoint Instance { get; } = new();
    }
}
