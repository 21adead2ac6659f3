using Salon.Web.Api;

namespace Salon.Web.Announcements.Manage;

/// <summary>The Announcements routes only officials call (<c>POST/PATCH/DELETE /api/announcements</c>): write, edit, delete. Officials
/// read the list and each announcement through the members' routes, which also give them the scheduled ones.</summary>
public static class AnnouncementsManageRoutes
{
    public static readonly ApiRoute Create = new("POST", "/api/announcements");
    public static readonly ApiRoute Edit = new("PATCH", "/api/announcements/{id}");
    public static readonly ApiRoute Delete = new("DELETE", "/api/announcements/{id}");
}

/// <summary>An announcement as an official manages it. <see cref="Status"/>: published or scheduled.</summary>
public sealed record ManagedAnnouncement(
    Guid Id, string Title, string Body, bool Pinned, bool Public, DateTime PublishAt, DateTime? EditedAt, bool Edited, string Status)
{
    public bool Scheduled => Status == "scheduled";
}

/// <summary><c>{ title, body, pinned, public, publishAt? }</c>; on PATCH, null leaves a field as it is.</summary>
public sealed record AnnouncementInput(string? Title, string? Body, bool? Pinned, bool? Public, DateTime? PublishAt);

public static class AnnouncementsManageApi
{
    /// <summary>A page of all announcements, the scheduled ones included (officials only get those).</summary>
    public static Task<ApiResult<Page<ManagedAnnouncement>>> ManagedAnnouncementsAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<Page<ManagedAnnouncement>>(AnnouncementsRoutes.List, query: [new("cursor", cursor), new("limit", "50")]);

    public static Task<ApiResult<ManagedAnnouncement>> ManagedAnnouncementAsync(this SalonApiClient api, Guid id) =>
        api.GetAsync<ManagedAnnouncement>(AnnouncementsRoutes.Announcement, [id]);

    public static Task<ApiResult<ManagedAnnouncement>> CreateAnnouncementAsync(this SalonApiClient api, AnnouncementInput input) =>
        api.SendAsync<ManagedAnnouncement>(AnnouncementsManageRoutes.Create, body: input);

    public static Task<ApiResult<ManagedAnnouncement>> EditAnnouncementAsync(this SalonApiClient api, Guid id, AnnouncementInput input) =>
        api.SendAsync<ManagedAnnouncement>(AnnouncementsManageRoutes.Edit, [id], input);

    public static Task<ApiResult<NoContent>> DeleteAnnouncementAsync(this SalonApiClient api, Guid id) =>
        api.SendAsync(AnnouncementsManageRoutes.Delete, [id]);
}
