using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Salon.Web.Api;
using Salon.Web.Hosting;
using Salon.Web.Shared;

namespace Salon.Web.Settings;

/// <summary>The data export as a download. GET /api/me/export is bearer-only, so the web client proxies it: the
/// export page's form (with its anti-forgery token) posts here, and this calls the API with the member's token
/// from the sign-in cookie and returns the JSON as an attachment, <c>salon-export-YYYYMMDD.json</c>.</summary>
public static class ExportDownload
{
    public const string Path = "/settings/export/download";

    private const string Page = "/settings/export";

    /// <summary>Indented, with Japanese as characters (not \u escapes), so the file can be read as it is.</summary>
    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IEndpointConventionBuilder MapExportDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFileDownloadForm(Path, DownloadAsync);

    private static async Task<IResult> DownloadAsync(HttpContext context, IAntiforgery antiforgery, SessionState session, SalonApiClient api)
    {
        var login = "/login?returnUrl=" + Uri.EscapeDataString(Page);
        if (!session.SignedIn)
        {
            return Results.Redirect(login);
        }

        if (!await antiforgery.IsFormTokenValidAsync(context))
        {
            return Results.Redirect(Page + "?failed=true");
        }

        var result = await api.ExportAsync(context.RequestAborted);
        if (result.Status == StatusCodes.Status401Unauthorized)
        {
            session.SignOut();
            return Results.Redirect(login);
        }

        if (!result.Ok)
        {
            return Results.Redirect(Page + "?failed=true");
        }

        context.Response.Headers.CacheControl = "no-store";
        var date = DateTimeOffset.UtcNow.ToOffset(Dates.Japan).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(result.Value, Output), "application/json; charset=utf-8", $"salon-export-{date}.json");
    }
}
