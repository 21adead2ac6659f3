using Microsoft.EntityFrameworkCore;
using Salon.Application.Common.Events;
using Salon.Application.Consultations.Writes;
using Salon.Domain.Common;
using Salon.Domain.Members.Events;

namespace Salon.Application.Consultations.RemoveMemberData;

/// <summary>The Consultations module's part of an account deletion, in the deletion's transaction:
/// "delete" erases the member's topics and replies (text wiped, marked deleted); "anonymize" keeps the
/// text under 「退会したメンバー」 (an anonymous post stays 「匿名さん」: <c>ConsultationViews.Author</c>), unlinked from
/// the account, and their reactions with it. Either way their follows, bookmarks, read marks and hidden posts go (no one
/// else sees them), and the counts they touched are recomputed.</summary>
public sealed class RemoveContentOnMemberDeleted(IConsultationsDb db) : IDomainEventHandler<MemberDeleted>
{
    public async Task HandleAsync(MemberDeleted domainEvent, CancellationToken cancellationToken)
    {
        var memberId = domainEvent.MemberId;
        var now = domainEvent.OccurredAt;
        var repliedTopics = await db.Replies.Where(r => r.AuthorId == memberId).Select(r => r.TopicId).Distinct().ToListAsync(cancellationToken);

        if (domainEvent.ContentHandling == ContentHandling.Delete)
        {
            await db.Topics.Where(t => t.AuthorId == memberId).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Title, string.Empty).SetProperty(t => t.Body, string.Empty)
                    .SetProperty(t => t.DeletedAt, t => t.DeletedAt ?? now),
                cancellationToken);
            await db.Replies.Where(r => r.AuthorId == memberId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Body, string.Empty).SetProperty(r => r.DeletedAt, r => r.DeletedAt ?? now),
                cancellationToken);
        }
        else
        {
            await db.Topics.Where(t => t.AuthorId == memberId).ExecuteUpdateAsync(s => s.SetProperty(t => t.AuthorDeparted, true), cancellationToken);
            await db.Replies.Where(r => r.AuthorId == memberId).ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorDeparted, true), cancellationToken);
        }

        // Reactions are anonymous acts (ADR 0016): kept with the posts, they leave every count as it was, so the departure
        // says nothing of what the member reacted to. Erasing them ("delete") lowers those counts at that moment; the
        // member is told so when choosing (the web client's 退会 page).
        var reacted = domainEvent.ContentHandling == ContentHandling.Delete
            ? await db.Reactions.Where(r => r.MemberId == memberId).Select(r => new { r.PostId, r.PostKind }).Distinct().ToListAsync(cancellationToken)
            : [];
        if (domainEvent.ContentHandling == ContentHandling.Delete)
        {
            await db.Reactions.Where(r => r.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        }

        await db.TopicFollows.Where(f => f.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.TopicBookmarks.Where(b => b.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.TopicReads.Where(r => r.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        await db.HiddenPosts.Where(h => h.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);

        await PostCounters.RecountTopicsAsync(db, repliedTopics, cancellationToken);
        await PostCounters.RecountReactionsAsync(db, reacted.Where(r => r.PostKind == PostKind.Topic).Select(r => r.PostId).ToList(), PostKind.Topic, cancellationToken);
        await PostCounters.RecountReactionsAsync(db, reacted.Where(r => r.PostKind == PostKind.Reply).Select(r => r.PostId).ToList(), PostKind.Reply, cancellationToken);
    }
}
