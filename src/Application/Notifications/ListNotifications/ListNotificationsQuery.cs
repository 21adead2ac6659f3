using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Domain.Common;

namespace Salon.Application.Notifications.ListNotifications;

/// <summary>GET /api/notifications: newest first, with the number unread.</summary>
public sealed record ListNotificationsQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<NotificationPage>;

public sealed record NotificationDto(Guid Id, string Kind, string Message, Guid? TopicId, Guid? PostId, Guid? MeetingId, Guid? AnnouncementId, DateTime CreatedAt, bool Read);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, string? NextCursor, int UnreadCount);

public sealed class ListNotificationsQueryHandler(INotificationsDb db) : IQueryHandler<ListNotificationsQuery, NotificationPage>
{
    public async ValueTask<NotificationPage> Handle(ListNotificationsQuery query, CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(query.Limit);
        var mine = db.Notifications.AsNoTracking().Where(n => n.MemberId == query.MemberId);
        var page = mine;
        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            page = page.Where(n => n.CreatedAt < after.At || (n.CreatedAt == after.At && n.Id.CompareTo(after.Id) < 0));
        }

        var rows = await page.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(size + 1).ToListAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var english = LocalizedText.PrefersEnglish;
        var items = rows.Take(size)
            .Select(n => new NotificationDto(n.Id, n.Kind, english ? n.MessageEn : n.MessageJa, n.TopicId, n.PostId, n.MeetingId, n.AnnouncementId, n.CreatedAt, n.ReadAt is not null))
            .ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].CreatedAt, rows[size - 1].Id).Encode() : null;
        return new NotificationPage(items, next, unread);
    }
}
