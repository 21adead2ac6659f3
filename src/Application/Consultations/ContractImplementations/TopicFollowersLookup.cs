using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations.Contracts;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class TopicFollowersLookup(IConsultationsDb db) : ITopicFollowers
{
    public async Task<TopicFollowers?> FindAsync(Guid topicId, CancellationToken cancellationToken)
    {
        // One statement: the topic with its followers.
        var topic = await db.Topics.AsNoTracking()
            .Where(t => t.Id == topicId && t.DeletedAt == null)
            .Select(t => new { t.Title, t.AuthorId, Followers = db.TopicFollows.Where(f => f.TopicId == t.Id).Select(f => f.MemberId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (topic is null)
        {
            return null;
        }

        // A follow added in this same unit of work (the replier's) is not in the database yet; it does not matter,
        // because the replier is never told of their own reply.
        return new TopicFollowers(topic.Title, topic.AuthorId, topic.Followers);
    }
}
