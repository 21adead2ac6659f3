using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Paging;
using Salon.Application.Consultations.Rules;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Views;

/// <summary>A page of a topic's replies, oldest first, in one SQL statement. Deleted replies stay as
/// placeholders (「この投稿は削除されました」) so the conversation still reads (only if others could see
/// them before: a deleted held reply leaves no trace); hidden or held replies
/// appear only to their authors; named replies by members the viewer blocked, and replies the viewer hid, are
/// left out.</summary>
internal static class ReplyPages
{
    public static async Task<Page<ReplyDto>> PageAsync(
        IConsultationsDb db,
        IMemberDirectory directory,
        Guid topicId,
        Guid viewerId,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken)
    {
        var size = PageLimits.Clamp(limit);
        var replies = ConsultationRules.VisibleReplies(db, directory, viewerId).AsNoTracking().Where(r =>
            r.TopicId == topicId
            && !db.HiddenPosts.Any(h => h.MemberId == viewerId && h.PostId == r.Id));
        if (KeysetCursor.Decode(cursor) is { } after)
        {
            replies = replies.Where(r => r.CreatedAt > after.At || (r.CreatedAt == after.At && r.Id.CompareTo(after.Id) > 0));
        }

        var rows = await replies
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(size + 1)
            .Join(directory.Cards, r => r.AuthorId, m => m.Id, (r, m) => new
            {
                Reply = r,
                Author = m,
                // One column (ConsultationViews.ReactionNames(int)): a collection would join Reactions into the page.
                MyReactions = db.Reactions.Where(x => x.PostId == r.Id && x.MemberId == viewerId)
                    .Select(x => x.Kind).Sum(ConsultationViews.ReactionBit),
            })
            .OrderBy(x => x.Reply.CreatedAt).ThenBy(x => x.Reply.Id)
            .ToListAsync(cancellationToken);

        var items = rows.Take(size).Select(x => ToDto(x.Reply, x.Author, x.MyReactions, viewerId)).ToList();
        var next = rows.Count > size ? new KeysetCursor(rows[size - 1].Reply.CreatedAt, rows[size - 1].Reply.Id).Encode() : null;
        return new Page<ReplyDto>(items, next);
    }

    private static ReplyDto ToDto(Reply reply, MemberCard author, int mine, Guid viewerId)
    {
        if (reply.DeletedAt is not null)
        {
            return new ReplyDto(
                reply.Id,
                PostRules.DeletedPlaceholder.Current,
                null,
                false,
                null,
                Deleted: true,
                "deleted",
                reply.CreatedAt,
                null,
                new ReactionCountsDto(0, 0, 0),
                []);
        }

        return new ReplyDto(
            reply.Id,
            reply.Body,
            ConsultationViews.Author(author, reply.IsAnonymous, reply.AuthorDeparted, viewerId),
            reply.AuthorId == viewerId,
            reply.ContentWarning,
            Deleted: false,
            ConsultationViews.Status(reply.Visibility),
            reply.CreatedAt,
            reply.EditedAt,
            new ReactionCountsDto(reply.RelateCount, reply.ThanksCount, reply.SupportCount),
            ConsultationViews.ReactionNames(mine));
    }
}
