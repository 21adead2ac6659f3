using Salon.Web.Api;

namespace Salon.Web.Announcements;

public static class AnnouncementsRoutes
{
    public static readonly ApiRoute List = new("GET", "/api/announcements");
}

public sealed record Announcement(Guid Id, string Title, string Body, bool Pinned, DateTime PublishAt);

public static class AnnouncementsApi
{
    public static Task<ApiResult<Page<Announcement>>> AnnouncementsAsync(this SalonApiClient api, int limit = 5) =>
        api.GetAsync<Page<Announcement>>(AnnouncementsRoutes.List, query: [new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}
