using Microsoft.EntityFrameworkCore;
using Salon.Application.Consultations.Contracts;

namespace Salon.Application.Consultations.ContractImplementations;

public sealed class TopicFollowersLookup(IConsultationsDb db) : ITopicFollowers
{
    /// <summary>One flat statement on the (TopicId, MemberId) key. A follow added in this same unit of work (the
    /// replier's) is not in the database yet; it does not matter, because the replier is never told of their own reply.</summary>
    public Task<List<Guid>> FollowerIdsAsync(Guid topicId, CancellationToken cancellationToken) =>
        db.TopicFollows.Where(f => f.TopicId == topicId).Select(f => f.MemberId).ToListAsync(cancellationToken);
}
