namespace Salon.Application.Consultations.Contracts;

public interface ITopicFollowers
{
    /// <summary>The members who follow the topic (its author among them when they do), as a view that composes into the
    /// caller's own statement (no round trip of its own).</summary>
    IQueryable<Guid> FollowerIds(Guid topicId);
}
