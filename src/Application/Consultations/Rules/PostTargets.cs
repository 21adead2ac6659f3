using Microsoft.EntityFrameworkCore;
using Salon.Application.Members.Contracts;
using Salon.Domain.Common;
using Salon.Domain.Consultations;

namespace Salon.Application.Consultations.Rules;

internal static class PostTargets
{
    /// <summary>The post if the viewer may see it; 404 otherwise.</summary>
    public static async Task<PostTarget> FindVisibleAsync(IConsultationsDb db, IMemberDirectory directory, Guid postId, Guid viewerId, CancellationToken cancellationToken)
    {
        var topics = ConsultationRules.VisibleTopics(db, directory, viewerId);
        var topic = await topics.Where(t => t.Id == postId)
            .Select(t => new PostTarget(t.Id, PostKind.Topic, t.Id, t.AuthorId, t.IsAnonymous))
            .SingleOrDefaultAsync(cancellationToken);
        if (topic is not null)
        {
            return topic;
        }

        var reply = await ConsultationRules.VisibleReplies(db, directory, viewerId).AsNoTracking()
            .Where(r => r.Id == postId && r.DeletedAt == null && topics.Any(t => t.Id == r.TopicId))
            .Select(r => new PostTarget(r.Id, PostKind.Reply, r.TopicId, r.AuthorId, r.IsAnonymous))
            .SingleOrDefaultAsync(cancellationToken);
        return reply ?? throw PostRules.Gone();
    }
}
