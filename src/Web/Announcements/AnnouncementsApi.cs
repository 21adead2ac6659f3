using Salon.Web.Api;

namespace Salon.Web.Announcements;

public static class AnnouncementsRoutes
{
    public static readonly ApiRoute List = new("GET", "/api/announcements");
    public static readonly ApiRoute Announcement = new("GET", "/api/announcements/{id}");
}

public sealed record Announcement(Guid Id, string Title, string Body, bool Pinned, DateTime PublishAt);

/// <summary>The office that signs an announcement (always official).</summary>
public sealed record AnnouncementAuthor(string Nickname, bool IsOfficial);

public sealed record AnnouncementDetail(Guid Id, string Title, string Body, bool Pinned, DateTime PublishAt, DateTime? EditedAt, bool Edited, AnnouncementAuthor Author);

public static class AnnouncementsApi
{
    public static Task<ApiResult<Page<Announcement>>> AnnouncementsAsync(this SalonApiClient api, int limit = 5) =>
        api.GetAsync<Page<Announcement>>(AnnouncementsRoutes.List, query: [new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>A page of the announcements the member may read, pinned first, then newest.</summary>
    public static Task<ApiResult<Page<Announcement>>> AnnouncementsPageAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<Page<Announcement>>(AnnouncementsRoutes.List, query: [new("cursor", cursor)]);

    public static Task<ApiResult<AnnouncementDetail>> AnnouncementAsync(this SalonApiClient api, Guid id) =>
        api.GetAsync<AnnouncementDetail>(AnnouncementsRoutes.Announcement, [id]);
}
