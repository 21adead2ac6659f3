using Salon.Domain.Common;

namespace Salon.Domain.Consultations.Events;

/// <summary>A consultation was posted. Text is included so screening (moderation) can run in the same
/// transaction; handlers must never log it.</summary>
public sealed record TopicCreated(Guid TopicId, Guid BoardId, Guid AuthorId, bool IsAnonymous, string Title, string Body, DateTime OccurredAt) : IDomainEvent;
