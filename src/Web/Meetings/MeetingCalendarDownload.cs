using Salon.Web.Api;

namespace Salon.Web.Meetings;

/// <summary>GET /meetings/{id}/calendar.ics: the meeting's calendar entry (for accepted members), fetched from
/// the API with the member's token (<see cref="FileDownloads"/>).</summary>
public static class MeetingCalendarDownload
{
    public static string Path(Guid id) => $"/meetings/{id}/calendar.ics";

    public static RouteHandlerBuilder MapMeetingCalendar(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFileDownload("/meetings/{id:guid}/calendar.ics", (Guid id, HttpContext context) =>
            FileDownloads.ProxyAsync(context, MeetingsRoutes.Calendar, [id], $"salon-meeting-{id:N}.ics", $"/meetings/{id}"));
}
