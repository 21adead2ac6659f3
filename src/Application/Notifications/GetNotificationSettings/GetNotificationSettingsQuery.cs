using Mediator;

namespace Salon.Application.Notifications.GetNotificationSettings;

/// <summary>GET /api/me/notification-settings: the member's choices, defaults where they made none.</summary>
public sealed record GetNotificationSettingsQuery(Guid MemberId) : IQuery<NotificationSettingsDto>;

public sealed class GetNotificationSettingsQueryHandler(INotificationsDb db) : IQueryHandler<GetNotificationSettingsQuery, NotificationSettingsDto>
{
    public async ValueTask<NotificationSettingsDto> Handle(GetNotificationSettingsQuery query, CancellationToken cancellationToken) =>
        await NotificationSettings.ReadAsync(db, query.MemberId, cancellationToken);
}
