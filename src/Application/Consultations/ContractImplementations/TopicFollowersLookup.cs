using Salon.Application.Consultations.Contracts;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class TopicFollowersLookup(IConsultationsDb db) : ITopicFollowers
{
    /// <summary>On the (TopicId, MemberId) key. A follow added in this same unit of work (the replier's) is not in the
    /// database yet; it does not matter, because the replier is never told of their own reply.</summary>
    public IQueryable<Guid> FollowerIds(Guid topicId) =>
        db.TopicFollows.Where(f => f.TopicId == topicId).Select(f => f.MemberId);
}
