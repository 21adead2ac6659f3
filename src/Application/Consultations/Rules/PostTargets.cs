using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Rules;

internal static class PostTargets
{
    /// <summary>The post if the viewer may see it; 404 otherwise.</summary>
    public static async Task<PostTarget> FindVisibleAsync(IConsultationsDb db, IMemberDirectory directory, Guid postId, Guid viewerId, CancellationToken cancellationToken) =>
        await VisibleTopic(db, directory, postId, viewerId).SingleOrDefaultAsync(cancellationToken)
        ?? await VisibleReply(db, directory, postId, viewerId).SingleOrDefaultAsync(cancellationToken)
        ?? throw PostRules.Gone();

    /// <summary>Whether the viewer may see the post: the same rule as <see cref="FindVisibleAsync"/>, answered yes or no.</summary>
    public static async Task<bool> IsVisibleAsync(IConsultationsDb db, IMemberDirectory directory, Guid postId, Guid viewerId, CancellationToken cancellationToken) =>
        await VisibleTopic(db, directory, postId, viewerId).AnyAsync(cancellationToken)
        || await VisibleReply(db, directory, postId, viewerId).AnyAsync(cancellationToken);

    private static IQueryable<PostTarget> VisibleTopic(IConsultationsDb db, IMemberDirectory directory, Guid postId, Guid viewerId) =>
        ConsultationRules.VisibleTopics(db, directory, viewerId).Where(t => t.Id == postId)
            .Select(t => new PostTarget(t.Id, PostKind.Topic, t.Id, t.AuthorId, t.IsAnonymous));

    /// <summary>A reply that is not deleted, visible to the viewer, in a topic visible to them.</summary>
    private static IQueryable<PostTarget> VisibleReply(IConsultationsDb db, IMemberDirectory directory, Guid postId, Guid viewerId)
    {
        var topics = ConsultationRules.VisibleTopics(db, directory, viewerId);
        return ConsultationRules.VisibleReplies(db, directory, viewerId).AsNoTracking()
            .Where(r => r.Id == postId && r.DeletedAt == null && topics.Any(t => t.Id == r.TopicId))
            .Select(r => new PostTarget(r.Id, PostKind.Reply, r.TopicId, r.AuthorId, r.IsAnonymous));
    }
}
