using Mediator;
using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Contracts;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Moderation;

namespace Salon.Application.Moderation.GetModerationQueue;

/// <summary>GET /api/moderation/queue (moderators): open items, priority first, then oldest, with the post,
/// its context and its author, even when the post is anonymous (moderators only).</summary>
public sealed record GetModerationQueueQuery(string? Cursor, int? Limit) : IQuery<Page<QueueItemDto>>;

public sealed class GetModerationQueueQueryHandler(IModerationDb db, IPostModeration posts, IMemberDirectory directory)
    : IQueryHandler<GetModerationQueueQuery, Page<QueueItemDto>>
{
    public async ValueTask<Page<QueueItemDto>> Handle(GetModerationQueueQuery query, CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(query.Limit);
        var items = db.ModerationItems.AsNoTracking().Where(i => i.Status == ModerationItemStatus.Open);

        // Keyset over (priority desc, created asc, id asc). The cursor's "At" carries CreatedAt and its
        // priority rides in the high tick bit, which no real timestamp uses.
        if (KeysetCursor.Decode(query.Cursor) is { } after)
        {
            var afterPriority = after.At.Ticks >= PriorityBit;
            var afterAt = new DateTime(after.At.Ticks & ~PriorityBit, DateTimeKind.Utc);
            items = afterPriority
                ? items.Where(i => !i.IsPriority || i.CreatedAt > afterAt || (i.CreatedAt == afterAt && i.Id.CompareTo(after.Id) > 0))
                : items.Where(i => !i.IsPriority && (i.CreatedAt > afterAt || (i.CreatedAt == afterAt && i.Id.CompareTo(after.Id) > 0)));
        }

        var rows = await items
            .OrderByDescending(i => i.IsPriority).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(size).ToList();

        var postIds = page.Where(i => i.PostId != null).Select(i => i.PostId!.Value).Distinct().ToList();
        var found = await posts.FindAsync(postIds, cancellationToken);
        var memberIds = found.Values.Select(p => p.AuthorId).Concat(page.Where(i => i.SubjectMemberId != null).Select(i => i.SubjectMemberId!.Value)).Distinct().ToList();
        var members = await directory.Cards.Where(c => memberIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        var reportedPosts = page.Where(i => i.Kind is ModerationItemKind.Report or ModerationItemKind.WorriedAboutMember && i.PostId != null)
            .Select(i => i.PostId!.Value).Distinct().ToList();
        var reports = (await db.Reports.AsNoTracking()
                .Where(r => reportedPosts.Contains(r.PostId))
                .OrderBy(r => r.CreatedAt)
                .Select(r => new { r.PostId, r.Reason, r.Note, r.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.PostId);

        QueueAuthorDto? Author(Guid? id) => id is { } value && members.TryGetValue(value, out var card) ? new QueueAuthorDto(card.Id, card.Nickname) : null;

        var dtos = page.Select(i =>
        {
            QueuePostDto? post = null;
            if (i.PostId is { } postId && found.TryGetValue(postId, out var p))
            {
                post = new QueuePostDto(p.PostId, p.Kind == PostKind.Topic ? "topic" : "reply", p.TopicId, p.TopicTitle, p.Text, p.IsAnonymous, p.Status, p.IsDeleted, p.CreatedAt, Author(p.AuthorId));
            }

            var itemReports = i.PostId is { } reported && i.Kind is ModerationItemKind.Report or ModerationItemKind.WorriedAboutMember
                ? reports[reported]
                    .Where(r => (r.Reason == ReportReason.WorriedAboutMember) == (i.Kind == ModerationItemKind.WorriedAboutMember) && r.CreatedAt >= i.CreatedAt)
                    .Select(r => new QueueReportDto(ReportReasonNames.ToName(r.Reason), r.Note, r.CreatedAt))
                    .ToList()
                : [];
            return new QueueItemDto(i.Id, KindName(i.Kind), i.IsPriority, i.Detail, i.ReportCount, i.CreatedAt, post, Author(i.SubjectMemberId), itemReports);
        }).ToList();

        string? next = null;
        if (rows.Count > size)
        {
            var last = page[^1];
            next = new KeysetCursor(new DateTime(last.CreatedAt.Ticks | (last.IsPriority ? PriorityBit : 0), DateTimeKind.Utc), last.Id).Encode();
        }

        return new Page<QueueItemDto>(dtos, next);
    }

    private const long PriorityBit = 1L << 61;

    public static string KindName(ModerationItemKind kind) => kind switch
    {
        ModerationItemKind.Crisis => "crisis",
        ModerationItemKind.Report => "report",
        ModerationItemKind.Held => "held",
        ModerationItemKind.WatchedWord => "watched_word",
        ModerationItemKind.NeedsReply => "needs_reply",
        _ => "worried_about_member",
    };
}
