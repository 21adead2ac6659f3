using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Notifications.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Notifications;

namespace Salon.Application.Notifications.ListNotifications;

/// <summary>GET /api/notifications: newest first, with the number unread. A notice whose content the reader can
/// no longer see (deleted, hidden, named content by someone they blocked, a post they hid) shows as unavailable (<c>available: false</c>, a
/// neutral message, no links) instead of its old text. Notices from the safety team always keep their text.</summary>
public sealed record ListNotificationsQuery(Guid MemberId, string? Cursor, int? Limit) : IQuery<NotificationPage>;

public sealed class ListNotificationsQueryHandler(INotificationsDb db, IEnumerable<INoticeSubjects> subjects) : IQueryHandler<ListNotificationsQuery, NotificationPage>
{
    private static readonly LocalizedText Unavailable = new("この通知の内容は表示できなくなりました。", "What this notice was about is no longer available.");

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
        var shown = rows.Take(size).ToList();
        var gone = await UnavailableAsync(query.MemberId, shown.Where(n => !KeepsItsText(n)).ToList(), cancellationToken);
        var english = LocalizedText.PrefersEnglish;
        var items = shown.Select(n => IsGone(n, gone)
                ? new NotificationDto(n.Id, n.Kind, Unavailable.Current, null, null, null, null, n.CreatedAt, n.ReadAt is not null, Available: false)
                : new NotificationDto(n.Id, n.Kind, english ? n.MessageEn : n.MessageJa, n.TopicId, n.PostId, n.MeetingId, n.AnnouncementId, n.CreatedAt, n.ReadAt is not null, Available: true))
            .ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].CreatedAt, rows[size - 1].Id).Encode() : null;
        return new NotificationPage(items, next, unread);
    }

    /// <summary>Decisions about the reader's own posts and the caring notice carry no one else's content and must
    /// stay readable even when the post is gone.</summary>
    private static bool KeepsItsText(Notification n) => n.Kind.StartsWith("moderation", StringComparison.Ordinal) || n.Kind == "caring_notice";

    private static bool IsGone(Notification n, HashSet<Guid> gone) =>
        !KeepsItsText(n) && new[] { n.TopicId, n.PostId, n.AnnouncementId }.Any(id => id is { } value && gone.Contains(value));

    private async Task<HashSet<Guid>> UnavailableAsync(Guid readerId, List<Notification> notices, CancellationToken cancellationToken)
    {
        var gone = new HashSet<Guid>();
        var pointing = notices.Where(n => n.TopicId is not null || n.PostId is not null || n.AnnouncementId is not null)
            .Select(n => new NoticeSubject(n.TopicId, n.PostId, n.MeetingId, n.AnnouncementId))
            .ToList();
        if (pointing.Count == 0)
        {
            return gone;
        }

        foreach (var source in subjects)
        {
            gone.UnionWith(await source.UnavailableAsync(readerId, pointing, cancellationToken));
        }

        return gone;
    }
}
