using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Rules;

internal static class ReplyAccess
{
    /// <summary>A reply the viewer may see (not deleted, visible or theirs, in a topic they may see, not a named
    /// reply by someone they blocked), tracked for a change; 404 otherwise.</summary>
    public static async Task<Reply> ForUpdateAsync(IConsultationsDb db, IMemberDirectory directory, Guid replyId, Guid viewerId, CancellationToken cancellationToken)
    {
        var topics = ConsultationRules.VisibleTopics(db, directory, viewerId);
        var reply = await ConsultationRules.VisibleReplies(db, directory, viewerId)
            .Where(r => r.Id == replyId && r.DeletedAt == null && topics.Any(t => t.Id == r.TopicId))
            .SingleOrDefaultAsync(cancellationToken);
        return reply ?? throw PostRules.Gone();
    }

    /// <summary>For an edit or delete: moderators reach any reply that is not deleted; others only what they can see.</summary>
    public static async Task<Reply> ForActorAsync(IConsultationsDb db, IMemberDirectory directory, Guid replyId, Actor actor, CancellationToken cancellationToken) =>
        actor.IsModerator
            ? await db.Replies.SingleOrDefaultAsync(r => r.Id == replyId && r.DeletedAt == null, cancellationToken) ?? throw PostRules.Gone()
            : await ForUpdateAsync(db, directory, replyId, actor.Id, cancellationToken);
}
