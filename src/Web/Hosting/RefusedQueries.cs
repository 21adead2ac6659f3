namespace Salon.Web.Hosting;

/// <summary>A page address whose query holds the NUL character (<c>/search?q=%00</c>, in a name or a value) is answered
/// <c>400</c> without a body, so the status-code pages re-execute the web client's status page (<see
/// cref="WebClient.StatusPagePath"/>), which says in Japanese first and English second that the address cannot be
/// opened. No text here needs NUL, and the API refuses it anyway (with a ProblemDetails, which is not a page). The API's
/// own paths are left to the API; co-hosted, its request guards have refused them before this runs.</summary>
internal static class RefusedQueries
{
    private static readonly object RefusedKey = new();

    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        if (!WebClient.IsApiPath(context.Request.Path) && HoldsNul(context.Request.Query))
        {
            context.Items[RefusedKey] = true;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next();
    }

    /// <summary>Was this request's address refused here? The status page, re-executed on the same request, asks.</summary>
    public static bool Refused(HttpContext context) => context.Items.ContainsKey(RefusedKey);

    private static bool HoldsNul(IQueryCollection query) =>
        query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)));
}
