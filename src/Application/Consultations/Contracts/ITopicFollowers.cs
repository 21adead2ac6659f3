namespace Salon.Application.Consultations.Contracts;

public interface ITopicFollowers
{
    /// <summary>The members who follow the topic (its author among them when they do).</summary>
    Task<List<Guid>> FollowerIdsAsync(Guid topicId, CancellationToken cancellationToken);
}
