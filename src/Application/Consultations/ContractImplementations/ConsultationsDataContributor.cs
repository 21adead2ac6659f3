using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.ContractImplementations;

/// <summary>The member's consultations for their data export: what they wrote (with its full text),
/// their reactions, follows, bookmarks and the posts they hid from their own view.</summary>
public sealed class ConsultationsDataContributor(IConsultationsDb db) : IPersonalDataContributor
{
    public string Section => "consultations";

    public async Task<object> CollectAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking()
            .Where(t => t.AuthorId == memberId)
            .OrderBy(t => t.CreatedAt)
            .Select(t => new
            {
                t.Id,
                Board = db.Boards.Where(b => b.Id == t.BoardId).Select(b => b.Slug).First(),
                t.Title,
                t.Body,
                Anonymous = t.IsAnonymous,
                t.RepliesWelcome,
                t.ContentWarning,
                t.CreatedAt,
                t.EditedAt,
                t.DeletedAt,
            })
            .ToListAsync(cancellationToken);
        var replies = await db.Replies.AsNoTracking()
            .Where(r => r.AuthorId == memberId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.TopicId, r.Body, Anonymous = r.IsAnonymous, r.ContentWarning, r.CreatedAt, r.EditedAt, r.DeletedAt })
            .ToListAsync(cancellationToken);
        var reactions = await db.Reactions.AsNoTracking()
            .Where(r => r.MemberId == memberId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.PostId, r.Kind, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var follows = await db.TopicFollows.AsNoTracking().Where(f => f.MemberId == memberId)
            .Select(f => new { f.TopicId, f.CreatedAt }).ToListAsync(cancellationToken);
        var bookmarks = await db.TopicBookmarks.AsNoTracking().Where(b => b.MemberId == memberId)
            .Select(b => new { b.TopicId, b.CreatedAt }).ToListAsync(cancellationToken);
        var hiddenPosts = await db.HiddenPosts.AsNoTracking().Where(h => h.MemberId == memberId).OrderBy(h => h.HiddenAt)
            .Select(h => new { h.PostId, h.PostKind, h.TopicId, h.HiddenAt }).ToListAsync(cancellationToken);

        return new
        {
            topics,
            replies,
            reactions = reactions.Select(r => new { r.PostId, Kind = ReactionKindNames.ToName(r.Kind), r.CreatedAt }),
            follows,
            bookmarks,
            hiddenPosts = hiddenPosts.Select(h => new { h.PostId, Kind = h.PostKind == PostKind.Topic ? "topic" : "reply", h.TopicId, h.HiddenAt }),
        };
    }
}
