using Salon.Web.Api;

namespace Salon.Web.Notifications;

public static class NotificationsRoutes
{
    public static readonly ApiRoute List = new("GET", "/api/notifications");
}

public sealed record NotificationPage(int UnreadCount);

public static class NotificationsApi
{
    public static Task<ApiResult<NotificationPage>> UnreadCountAsync(this SalonApiClient api) =>
        api.GetAsync<NotificationPage>(NotificationsRoutes.List, query: [new("limit", "1")]);
}
