using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Common.Time;
using Salon.Application.Members.Contracts;
using Salon.Domain.Announcements;
using Salon.Domain.Common;

namespace Salon.Application.Announcements.ListAnnouncements;

/// <summary>GET /api/announcements: pinned first, then newest. Anyone sees public ones; members see all
/// published ones; officials also see scheduled ones (marked <c>scheduled</c>).</summary>
public sealed record ListAnnouncementsQuery(Guid? ReaderId, bool IsOfficial, string? Cursor, int? Limit) : IQuery<Page<AnnouncementDto>>;

public sealed class ListAnnouncementsQueryHandler(IAnnouncementsDb db, IMemberDirectory directory, TimeProvider time)
    : IQueryHandler<ListAnnouncementsQuery, Page<AnnouncementDto>>
{
    public async ValueTask<Page<AnnouncementDto>> Handle(ListAnnouncementsQuery query, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var size = PageLimits.Clamp(query.Limit);
        var visible = AnnouncementViews.VisibleTo(db.Announcements.AsNoTracking(), query.ReaderId is not null, query.IsOfficial, now);
        if (Decode(query.Cursor) is var (pinned, after))
        {
            visible = pinned
                ? visible.Where(a => !a.Pinned || a.PublishAt < after.At || (a.PublishAt == after.At && a.Id.CompareTo(after.Id) < 0))
                : visible.Where(a => !a.Pinned && (a.PublishAt < after.At || (a.PublishAt == after.At && a.Id.CompareTo(after.Id) < 0)));
        }

        var ordered = visible.OrderByDescending(a => a.Pinned).ThenByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Take(size + 1);
        var rows = await AnnouncementViews.WithAuthors(ordered, directory).ToListAsync(cancellationToken);
        rows = rows.OrderByDescending(r => r.Announcement.Pinned).ThenByDescending(r => r.Announcement.PublishAt).ThenByDescending(r => r.Announcement.Id).ToList();
        var items = rows.Take(size).Select(r => AnnouncementViews.ToDto(r, now, query.ReaderId is not null)).ToList();
        var next = rows.Count > size ? Encode(rows[size - 1].Announcement) : null;
        return new Page<AnnouncementDto>(items, next);
    }

    private static string Encode(Announcement last) =>
        (last.Pinned ? "p." : "n.") + new KeysetCursor(last.PublishAt, last.Id).Encode();

    private static (bool Pinned, KeysetCursor After)? Decode(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        if (cursor.Length > 2 && cursor[1] == '.' && cursor[0] is 'p' or 'n' && KeysetCursor.Decode(cursor[2..]) is { } after)
        {
            return (cursor[0] == 'p', after);
        }

        throw CommonErrors.CursorInvalid.ForField("cursor");
    }
}
