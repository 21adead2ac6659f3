using Salon.Domain.Common;

namespace Salon.Domain.Moderation.Events;

/// <summary>A hidden or held post is visible again.</summary>
public sealed record PostRestored(Guid AuthorId, Guid PostId, Guid TopicId, DateTime OccurredAt) : IDomainEvent;
