namespace Salon.Application.Consultations.Contracts;

public interface ITopicFollowers
{
    Task<TopicFollowers?> FindAsync(Guid topicId, CancellationToken cancellationToken);
}
