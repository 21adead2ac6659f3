using Salon.Web.Api;

namespace Salon.Web.Meetings.Manage;

/// <summary>GET /meetings/{id}/applicants.csv: the applicants as a CSV file (<see cref="ApplicantsCsv"/>), built from
/// <c>GET /api/meetings/{id}/applications</c> with the official's token. Members get the API's 403 as the page's
/// 「運営メンバー専用」 answer (back to the 申し込み状況 page, which shows it).</summary>
public static class ApplicantsCsvDownload
{
    public static string Path(Guid id) => $"/meetings/{id}/applicants.csv";

    public static RouteHandlerBuilder MapApplicantsCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFileDownload("/meetings/{id:guid}/applicants.csv", async (Guid id, HttpContext context) =>
        {
            var page = $"/meetings/{id}/manage";
            var session = context.RequestServices.GetRequiredService<SessionState>();
            if (!session.SignedIn)
            {
                return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(page));
            }

            var result = await context.RequestServices.GetRequiredService<SalonApiClient>().ApplicantsAsync(id, context.RequestAborted);
            if (!result.Ok)
            {
                if (result.Status == StatusCodes.Status401Unauthorized)
                {
                    session.SignOut();
                    return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(page));
                }

                return Results.Redirect(result.Status == StatusCodes.Status403Forbidden ? page : page + "?download=failed");
            }

            context.Response.Headers.CacheControl = "no-store";
            return Results.File(ApplicantsCsv.Write(result.Value!), ApplicantsCsv.ContentType, $"salon-meeting-{id:N}-applicants.csv");
        });
}
