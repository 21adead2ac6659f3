
namespace Salon.Application.Consultations.Contracts;

public sealed record UnansweredTopic(Guid TopicId, Guid AuthorId, DateTime CreatedAt);
