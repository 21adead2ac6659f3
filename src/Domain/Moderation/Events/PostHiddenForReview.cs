using Salon.Domain.Common;

namespace Salon.Domain.Moderation.Events;

/// <summary>A post was hidden pending review (reports reached the threshold, or a moderator hid it). Its author is told why.</summary>
public sealed record PostHiddenForReview(Guid AuthorId, Guid PostId, Guid TopicId, bool ByModerator, DateTime OccurredAt) : IDomainEvent;
