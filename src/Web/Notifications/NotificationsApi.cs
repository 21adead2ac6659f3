using Salon.Web.Api;

namespace Salon.Web.Notifications;

public static class NotificationsRoutes
{
    public static readonly ApiRoute List = new("GET", "/api/notifications");
    public static readonly ApiRoute MarkRead = new("POST", "/api/notifications/read");
}

public sealed record NotificationPage(int UnreadCount);

/// <summary>One notice, its text already written by the API (reactions grouped: 「3人が『わかる』と反応しました」).
/// <see cref="Available"/> is false when what it was about can no longer be seen: then it has a neutral
/// text and no ids, and the page shows it without a link.</summary>
public sealed record Notification(
    Guid Id, string Kind, string Message, Guid? TopicId, Guid? PostId, Guid? MeetingId, Guid? AnnouncementId, DateTime CreatedAt, bool Read, bool Available);

public sealed record NotificationList(IReadOnlyList<Notification> Items, string? NextCursor, int UnreadCount);

public static class NotificationsApi
{
    public static Task<ApiResult<NotificationPage>> UnreadCountAsync(this SalonApiClient api) =>
        api.GetAsync<NotificationPage>(NotificationsRoutes.List, query: [new("limit", "1")]);

    public static Task<ApiResult<NotificationList>> NotificationsAsync(this SalonApiClient api, string? cursor) =>
        api.GetAsync<NotificationList>(NotificationsRoutes.List, query: [new("cursor", cursor)]);

    /// <summary>Marks every notice read (the API's <c>{ ids }</c> left out).</summary>
    public static Task<ApiResult<NoContent>> MarkAllReadAsync(this SalonApiClient api) =>
        api.SendAsync(NotificationsRoutes.MarkRead, body: new { });
}
